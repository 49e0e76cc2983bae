import { generate } from 'otplib';
import type { Role, Session } from '../../auth/session';
import type { CoreServices } from '../../core/services';
import type { Db } from '../../store/database';
import type { RouterEncoding, RouterTlsMode } from '../../routers/contract';
import type { ServerMessage } from '../protocol';
import type { Needle, Receiver } from './frame-exposure';

/**
 * The world a contract property test drives: two tenants with accounts of every role, a router
 * each (one a simulated RouterOS with subscribers named by phone and email), jobs of every kind
 * in every scope, and one signed-in connection per role following every channel it may.
 *
 * Generated calls may change it for real (a valid users.delete deletes), so after every call
 * `restore` puts the fixtures back the way the next call expects them (accounts, their sessions
 * and subscriptions, settings, routers, sessions on the router, jobs), outside the window the
 * test compares. The accounts' known secrets and emails are the needles the frames are checked for.
 */

export const ROLES = ['signed-out', 'viewer', 'operator', 'tenant-admin-a', 'tenant-admin-b', 'system-admin'] as const;
export type RoleName = (typeof ROLES)[number];
type TenantLabel = 'A' | 'B';

/** What the world needs of a protocol client (main/host/ws-test-client.ts). */
export interface WireClient {
  readonly received: ServerMessage[];
  invoke(name: string, input: unknown): Promise<ServerMessage>;
  subscribe(channel: string): Promise<ServerMessage>;
}

export interface AccountSeed {
  username: string;
  name: string;
  email: string;
  password: string;
  /** Made by the test (a cheap scrypt cost); written back whenever a call changed it. */
  passwordHash: string;
  role: Role;
  tenant: TenantLabel | null;
  /** The connection that signs in as this account, if any. */
  connection?: RoleName;
  twoFactor?: boolean;
}

export interface RouterSeed {
  tenant: TenantLabel;
  name: string;
  host: string;
  port: number;
  username: string;
  password: string;
}

/** Hotspot and PPPoE logins on the simulated router that are personal data (tenant A's). */
export interface SubscriberSeed {
  hotspotUsers: string[];
  pppoe: Array<{ name: string; callerId: string }>;
}

interface Account extends AccountSeed {
  id: number;
  tenantId: number | null;
  totpSecret?: string;
  /** Unused recovery codes: the first sign-in uses one (enrolment just used the current TOTP step). */
  recoveryCodes?: string[];
}

const JOB_KINDS = {
  operations: { name: 'jobs.noop', payload: () => ({}) },
  admin: { name: 'users.unlock', payload: (w: ContractWorld) => ({ id: w.account('vera').id, actor: { id: w.account('root').id, username: 'root' } }) },
  security: { name: 'auth.track-attempt', payload: () => ({ attemptId: 1 }) },
} as const;
type JobSlot = { tenant: TenantLabel | null; kind: keyof typeof JOB_KINDS; status: 'queued' | 'cancelled'; id: number };
const DAY = 86_400_000;

export class ContractWorld {
  readonly tenants: Record<TenantLabel, number>;
  private readonly accounts = new Map<string, Account>();
  private readonly routerIds = new Map<string, number>();
  private readonly jobSlots: JobSlot[] = [];
  private readonly receivers = new Map<RoleName, Receiver>();
  private readonly tokens = new Map<RoleName, string>();
  private readonly staleTokens: string[] = [];
  /** Every connection that ever held a token (signed in or resumed with it): its frames may show it. */
  private readonly tokenHolders = new Map<string, Set<RoleName>>();
  private readonly extraNeedles: Needle[] = [];
  private readonly baseline: { auth: string };
  private minted = 0;

  constructor(
    private readonly services: CoreServices,
    /** The SQLite file behind the stores: the world reads ids and stored secrets at rest from it. */
    private readonly db: Db,
    readonly clients: ReadonlyMap<RoleName, WireClient>,
    private readonly channels: readonly string[],
    private readonly seeds: { tenants: Record<TenantLabel, number>; accounts: AccountSeed[]; routers: RouterSeed[]; subscribers: SubscriberSeed; sim: { model: SimModel } },
  ) {
    this.tenants = seeds.tenants;
    this.baseline = { auth: JSON.stringify(services.auth.settings()) };
    for (const seed of seeds.accounts) this.accounts.set(seed.username, { ...seed, id: 0, tenantId: seed.tenant && this.tenants[seed.tenant] });
  }

  account(username: string): Account {
    return this.accounts.get(username)!;
  }

  /** The password of the account with this username (as typed: any case, spaces around), or '' for none. */
  passwordOf(username: string): string {
    return this.accounts.get(username.trim().toLowerCase())?.password ?? '';
  }

  /** Seeds everything, signs every connection in over the wire and subscribes it to every channel it may follow. */
  async open(): Promise<void> {
    for (const account of this.accounts.values()) await this.insertAccount(account);
    for (const seed of this.seeds.routers) await this.addRouter(seed);
    this.ensureJobs();
    for (const account of this.accounts.values()) {
      if (!account.connection) continue;
      const client = this.clients.get(account.connection)!;
      let reply = await client.invoke('auth.signIn', { username: account.username, password: account.password });
      if (reply.type === 'result' && reply.ok && 'secondStep' in (reply.data as object)) {
        reply = await client.invoke('auth.completeSignIn', { code: account.recoveryCodes!.shift()! });
      }
      this.observe(account.connection, 'auth.signIn', reply);
      if (reply.type !== 'result' || !reply.ok) throw new Error(`${account.username} could not sign in: ${JSON.stringify(reply)}`);
    }
    this.receivers.set('signed-out', { connection: 'signed-out', role: null, tenantId: null });
    for (const role of ROLES) await this.follow(role);
  }

  /** Who a connection is now, as the frames it receives must be judged. */
  receiver(role: RoleName): Receiver {
    return this.receivers.get(role)!;
  }

  /** Keeps track of who each connection is (a generated sign-in may switch it) and of the tokens it holds. */
  observe(role: RoleName, invoke: string, frame: ServerMessage): void {
    if (frame.type !== 'result' || !frame.ok) return;
    const data = frame.data as { token?: string; user?: { role: Role; tenantId: number | null } | null };
    if (invoke === 'auth.signOut') this.receivers.set(role, { connection: role, role: null, tenantId: null });
    if (['auth.signIn', 'auth.resume', 'auth.completeSignIn', 'auth.me'].includes(invoke) && data.user !== undefined) {
      this.receivers.set(role, { connection: role, role: data.user?.role ?? null, tenantId: data.user?.tenantId ?? null });
    }
    if (typeof data.token === 'string') {
      const previous = this.tokens.get(role);
      if (previous && previous !== data.token) this.staleTokens.push(previous);
      this.tokens.set(role, data.token);
      if (!this.tokenHolders.has(data.token)) this.tokenHolders.set(data.token, new Set());
      this.tokenHolders.get(data.token)!.add(role);
    }
  }

  /** Everything no frame may show, and the personal data frames may show only where allowed. */
  needles(): Needle[] {
    const out: Needle[] = [...this.extraNeedles];
    for (const a of this.accounts.values()) {
      out.push({ kind: 'secret', value: a.password, label: `password of ${a.username}` });
      out.push({ kind: 'account-email', value: a.email, label: `email of ${a.username}` });
    }
    for (const seed of this.seeds.routers) out.push({ kind: 'secret', value: seed.password, label: `password of router ${seed.name}` });
    for (const user of this.seeds.subscribers.hotspotUsers) out.push({ kind: 'subscriber', value: user, label: `hotspot user ${user}`, tenantId: this.tenants.A });
    for (const s of this.seeds.subscribers.pppoe) {
      out.push({ kind: 'subscriber', value: s.name, label: `PPPoE user ${s.name}`, tenantId: this.tenants.A });
      out.push({ kind: 'subscriber', value: s.callerId, label: `PPPoE caller ${s.callerId}`, tenantId: this.tenants.A });
    }
    for (const [token, holders] of this.tokenHolders) out.push({ kind: 'token', value: token, label: `session token of ${[...holders].join(', ')}`, holders: [...holders] });
    // Whatever the store keeps as a hash or sealed: those columns hold secrets by name.
    for (const { value, label } of this.storedSecrets()) out.push({ kind: 'secret', value, label });
    return out;
  }

  /** A secret the test learned (the data key): never in any frame. */
  addSecret(value: string, label: string): void {
    this.extraNeedles.push({ kind: 'secret', value, label });
  }

  // ── pools the generated inputs pick ids and values from (read when a call is made) ──

  pool(name: 'tenant' | 'user' | 'router' | 'job' | 'audit' | 'token' | 'hotspot-key' | 'pppoe-key' | 'username' | 'email' | 'password'): unknown[] {
    const { services } = this;
    const maxId = (table: string) => (this.db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;
    const keys = (kind: 'hotspot' | 'pppoe') =>
      Object.values(this.tenants).flatMap((t) => (kind === 'hotspot' ? services.sessions.hotspotSnapshot(t) : services.sessions.pppoeSnapshot(t)).sessions.map((s) => s.key));
    switch (name) {
      case 'tenant':
        return [this.tenants.A, this.tenants.B, maxId('tenants') + 1];
      case 'user':
        return [...[...this.accounts.values()].map((a) => a.id), maxId('users') + 1];
      case 'router':
        return [...this.routerIds.values(), maxId('routers') + 1];
      case 'job':
        return [...this.jobSlots.map((s) => s.id), maxId('jobs'), maxId('jobs') + 1];
      case 'audit':
        return [maxId('audit_log'), maxId('audit_log') + 1];
      case 'token':
        return [...this.tokens.values(), ...this.staleTokens.slice(-2)];
      case 'hotspot-key':
        return [...keys('hotspot'), `${maxId('routers') + 1}:*1`];
      case 'pppoe-key':
        return [...keys('pppoe'), `${maxId('routers') + 1}:*1`];
      case 'username':
        return [...this.accounts.values()].flatMap((a) => [a.username, ` ${a.username.toUpperCase()} `]);
      case 'email':
        return [...this.accounts.values()].map((a) => a.email);
      case 'password':
        return [...this.accounts.values()].map((a) => a.password);
    }
  }

  // ── restore after a call ──────────────────────────────────────────────────────────────

  /** Waits until the call's jobs ran (and whatever they started), with no job left queued for later. */
  async settle(): Promise<void> {
    const { jobs, auth } = this.services;
    const { db } = this;
    await jobs.drained();
    await auth.settled();
    const fixture = new Set(this.jobSlots.map((s) => s.id));
    // A retry with backoff would run inside a later call's window: cancel what waits (a fixture waits on purpose).
    const waiting = db.prepare<[], { id: number }>("SELECT id FROM jobs WHERE status = 'queued'").all();
    for (const { id } of waiting) if (!fixture.has(id)) jobs.cancel(id);
  }

  /**
   * Puts back what a call on `calling` changed: settings and sign-in policies, accounts (row,
   * password, lockout, two-factor), routers, the router's subscribers and the fixture jobs. The
   * calling connection (and any whose account was put back) is signed in again if it is no longer
   * who it should be (a fresh session, resumed over the wire); connections whose user lost
   * channels meanwhile (a two-factor requirement restricted them) follow them again.
   */
  async restore(calling: RoleName): Promise<void> {
    const { services } = this;
    const root = this.account('root');
    const rootUser = { id: root.id, username: root.username, role: root.role, tenantId: null };
    const refollow = new Set<RoleName>();
    const connectionsOf = (match: (a: Account) => boolean) => [...this.accounts.values()].filter((a) => a.connection && match(a)).map((a) => a.connection!);
    if (JSON.stringify(services.auth.settings()) !== this.baseline.auth) {
      await services.accounts.run((tx) => services.auth.updateSettings(tx, JSON.parse(this.baseline.auth)));
      await services.twoFactor.requirementChanged({ tenantId: null });
      for (const role of connectionsOf((a) => a.role === 'system_admin')) refollow.add(role);
    }
    for (const tenantId of Object.values(this.tenants)) {
      if (!(await services.twoFactor.tenantPolicy(tenantId)).requireTwoFactorForAdmins) continue;
      await services.twoFactor.updateTenantPolicy(rootUser, tenantId, { requireTwoFactorForAdmins: false });
      for (const role of connectionsOf((a) => a.tenantId === tenantId && a.role === 'tenant_admin')) refollow.add(role);
    }
    const dirty = new Set<Account>();
    for (const account of this.accounts.values()) if (await this.restoreAccount(account)) dirty.add(account);
    await this.restoreRouters();
    this.restoreSubscribers();
    this.ensureJobs();
    await this.settle();
    for (const account of this.accounts.values()) {
      if (!account.connection) continue;
      let reattach = dirty.has(account);
      if (account.connection === calling && !reattach) {
        const me = await this.clients.get(calling)!.invoke('auth.me', {});
        this.observe(calling, 'auth.me', me);
        reattach = me.type !== 'result' || !me.ok || (me.data as { user: { id: number } | null }).user?.id !== account.id;
      }
      if (reattach) await this.reattach(account);
      else if (refollow.has(account.connection)) await this.follow(account.connection);
    }
    if (calling !== 'signed-out') return;
    const anonymous = this.clients.get('signed-out')!;
    const me = await anonymous.invoke('auth.me', {});
    this.observe('signed-out', 'auth.me', me);
    if (me.type === 'result' && me.ok && (me.data as { user: unknown }).user !== null) {
      this.observe('signed-out', 'auth.signOut', await anonymous.invoke('auth.signOut', {}));
      await this.follow('signed-out');
    }
  }

  private async restoreAccount(account: Account): Promise<boolean> {
    const { accounts, auth, twoFactor } = this.services;
    await auth.unlock(account.username);
    const [current, passwordHash] = await accounts.read((tx) => Promise.all([tx.users.get(account.id), tx.credentials.passwordHash(account.id)]));
    if (!current) {
      await this.insertAccount(account);
      return true;
    }
    const same =
      current.role === account.role && current.tenantId === account.tenantId && !current.disabled && current.name === account.name && current.email === account.email && passwordHash === account.passwordHash;
    if (!same) {
      await accounts.run(async (tx) => {
        await tx.users.update(account.id, { role: account.role, disabled: false, name: account.name, email: account.email, passwordHash: account.passwordHash }, Date.now());
        await tx.signInSessions.endAllOf(account.id, Date.now(), 'password_changed');
      });
      await auth.userChanged(account.id);
    }
    const { enrolled } = await twoFactor.status({ id: account.id, username: account.username, role: account.role, tenantId: account.tenantId });
    if (Boolean(account.twoFactor) !== enrolled) {
      await this.enrol(account);
      return true;
    }
    return !same;
  }

  private async insertAccount(account: Account): Promise<void> {
    const { id } = await this.services.accounts.run((tx) => tx.users.insert({ ...account, tenantId: account.tenantId }, Date.now()));
    account.id = id;
    if (account.twoFactor) await this.enrol(account);
  }

  private async enrol(account: Account): Promise<void> {
    const user = { id: account.id, username: account.username, role: account.role, tenantId: account.tenantId };
    const { secret } = await this.services.twoFactor.begin(user);
    const { recoveryCodes } = await this.services.twoFactor.confirm(user, await generate({ secret }));
    account.totpSecret = secret;
    account.recoveryCodes = [...recoveryCodes];
    this.addSecret(secret, `TOTP secret of ${account.username}`);
    for (const code of recoveryCodes) this.addSecret(code, `recovery code of ${account.username}`);
  }

  /** A new session for the account, minted in the store and resumed over the wire (no password round trip). */
  private async reattach(account: Account): Promise<void> {
    const role = account.connection!;
    const user = (await this.services.accounts.read((tx) => tx.users.get(account.id)))!;
    const mint: Session = { id: `contract-world-${++this.minted}`, user: null };
    const { token } = await this.services.auth.startSession(mint, user);
    this.services.auth.detach({ session: mint, dropUnauthorizedSubscriptions: () => undefined });
    const reply = await this.clients.get(role)!.invoke('auth.resume', { token });
    this.observe(role, 'auth.resume', reply);
    if (reply.type !== 'result' || !reply.ok) throw new Error(`could not resume ${account.username}: ${JSON.stringify(reply)}`);
    await this.follow(role);
  }

  /** Subscribes the connection to every channel; the ones its user may not follow are refused, as they should be. */
  private async follow(role: RoleName): Promise<void> {
    const client = this.clients.get(role)!;
    await Promise.all(this.channels.map((channel) => client.subscribe(channel.replace('{A}', String(this.tenants.A)).replace('{B}', String(this.tenants.B)))));
  }

  private async addRouter(seed: RouterSeed): Promise<void> {
    const settings = { name: seed.name, host: seed.host, port: seed.port, tls: 'off' as RouterTlsMode, tlsCa: '', username: seed.username, site: '', notes: '', encoding: 'utf-8' as RouterEncoding };
    const { services } = this;
    const record = await services.accounts.run(async (tx) => {
      const added = await tx.routers.add(this.tenants[seed.tenant], settings, seed.password, new Date());
      tx.afterCommit(() => services.bus.publish('RouterAdded', { ...added, status: services.routerStatus.get(added.id) }, added.tenantId));
      return added;
    });
    this.routerIds.set(seed.name, record.id);
  }

  private async restoreRouters(): Promise<void> {
    const { services } = this;
    for (const seed of this.seeds.routers) {
      const tenantId = this.tenants[seed.tenant];
      const current = await services.accounts.read((tx) => tx.routers.get(tenantId, this.routerIds.get(seed.name)!));
      if (!current) {
        await services.accounts.run(async (tx) => {
          const taken = (await tx.routers.list(tenantId)).find((r) => r.name === seed.name);
          if (taken) await tx.routers.update(tenantId, taken.id, { name: `${seed.name}-moved-${taken.id}` }, undefined, new Date());
        });
        await this.addRouter(seed);
        continue;
      }
      const moved = current.host !== seed.host || current.port !== seed.port || current.username !== seed.username || current.tls !== 'off' || current.name !== seed.name;
      if (!moved && (await services.accounts.read((tx) => tx.routers.password(current.id))) === seed.password) continue;
      const settings = { name: seed.name, host: seed.host, port: seed.port, tls: 'off' as RouterTlsMode, tlsCa: '', username: seed.username };
      await services.accounts.run(async (tx) => {
        const updated = (await tx.routers.update(tenantId, current.id, settings, seed.password, new Date()))!;
        tx.afterCommit(() => services.bus.publish('RouterUpdated', { ...updated, status: services.routerStatus.get(updated.id) }, tenantId));
      });
    }
  }

  private restoreSubscribers(): void {
    const { model } = this.seeds.sim;
    const hotspot = new Set(model.print('/ip/hotspot/active').map((r) => r.user));
    for (const user of this.seeds.subscribers.hotspotUsers) if (!hotspot.has(user)) model.addHotspotSession({ user });
    const pppoe = new Set(model.print('/ppp/active').map((r) => r.name));
    for (const s of this.seeds.subscribers.pppoe) if (!pppoe.has(s.name)) model.addPppSession(s);
  }

  /** One queued (for tomorrow) and one cancelled job of every kind, per tenant and for the system. */
  private ensureJobs(): void {
    const { jobs } = this.services;
    for (const tenant of ['A', 'B', null] as const) {
      for (const kind of Object.keys(JOB_KINDS) as Array<keyof typeof JOB_KINDS>) {
        for (const status of ['queued', 'cancelled'] as const) {
          const slot = this.jobSlots.find((s) => s.tenant === tenant && s.kind === kind && s.status === status);
          if (slot && jobs.store.get(slot.id)?.status === status) continue;
          const { name, payload } = JOB_KINDS[kind];
          const tenantId = tenant && this.tenants[tenant];
          const { jobId } = jobs.enqueue(name as never, payload(this) as never, { tenantId, runAt: new Date(Date.now() + DAY) });
          if (status === 'cancelled') jobs.cancel(jobId);
          if (slot) slot.id = jobId;
          else this.jobSlots.push({ tenant, kind, status, id: jobId });
        }
      }
    }
  }

  /** Columns named as secrets (hashes, sealed values), found once: the schema does not change under a run. */
  private secretColumns: Array<{ table: string; column: string }> | null = null;

  private storedSecrets(): Array<{ value: string; label: string }> {
    const { db } = this;
    this.secretColumns ??= db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all()
      .flatMap(({ name: table }) =>
        db
          .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
          .all()
          .filter((c) => /hash|sealed|secret/.test(c.name))
          .map((c) => ({ table, column: c.name })),
      );
    const out: Array<{ value: string; label: string }> = [];
    for (const { table, column } of this.secretColumns) {
      for (const row of db.prepare<[], { v: unknown }>(`SELECT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`).all()) {
        if (typeof row.v === 'string' && row.v.length >= 16) out.push({ value: row.v, label: `${table}.${column}` });
      }
    }
    return out;
  }
}

/** What the world needs of the simulated router's model (main/routers/simulator). */
export interface SimModel {
  print(path: string): Array<Record<string, string>>;
  addHotspotSession(init: { user: string }): string;
  addPppSession(init: { name: string; callerId: string }): string;
}
