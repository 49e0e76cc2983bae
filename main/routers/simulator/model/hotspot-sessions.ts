import type { HotspotLoginRequest, HotspotLoginResult, HotspotSessionInit } from '../types';
import type { Flow } from './flow';
import { durationMs, hotspotUsage, limitCrossedAt, userLimits } from './hotspot-limits';
import { type HotspotLoginState, isUnusedVoucher, macLockOf, refuseHotspotLogin } from './hotspot-login';
import { emptyUserData, type HotspotActiveData, type HotspotUserData } from './menus-hotspot';
import type { Menu, MenuRow } from './menu';
import type { ModelContext } from './model-context';

/** What the hotspot side needs from the rest of the model. */
export interface HotspotHost extends ModelContext {
  newFlow(rateIn?: number, rateOut?: number, onlineForMs?: number): Flow;
  /** `given`, or the next free address of `pool`, or a made-up one in the fallback /16. */
  allocateAddress(given: string | undefined, pool: string | undefined, fallbackBase: number): { address: string; allocated?: number };
  releaseAddress(pool: string | undefined, address: number | undefined): void;
  /** Creates a plain hotspot user (a subscriber, no voucher) and returns its name. */
  newHotspotUser(): string;
}

type Row = MenuRow<HotspotActiveData>;
type EndCause = 'uptime' | 'traffic' | 'session-timeout';

const ACTIVE = '/ip/hotspot/active';
// A tick far longer than a session-timeout replays the device's repeated re-logins; this bounds one tick's work.
const MAX_PASSES = 1000;
const NONE: ReadonlySet<Row> = new Set();

/**
 * The hotspot's live side: who is online, logins with RouterOS's checks, limits that end
 * sessions as model time passes, the users churn may pick, and demo voucher redemptions.
 */
export class HotspotSessions implements HotspotLoginState {
  private readonly byUser = new Map<string, Set<Row>>();

  constructor(private readonly host: HotspotHost) {}

  get clockMs(): number {
    return this.host.clockMs;
  }

  users(): Menu<HotspotUserData> {
    return this.host.menu('/ip/hotspot/user');
  }

  userProfiles(): Menu<unknown> {
    return this.host.menu('/ip/hotspot/user/profile');
  }

  sessionsOf(user: string): ReadonlySet<Row> {
    return this.byUser.get(user) ?? NONE;
  }

  /** Online without the login checks (seeding, tests); without a user, one churn may pick. */
  start(init: HotspotSessionInit = {}): string {
    const users = this.users();
    const userName = init.user ?? this.freeUser() ?? this.host.newHotspotUser();
    if (!users.hasName(userName)) users.insert({ name: userName, password: userName, profile: 'default' }, emptyUserData());
    const servers = this.host.menu('/ip/hotspot');
    const serverRow = (init.server ? servers.find(init.server) : undefined) ?? servers.all().next().value;
    const server = init.server ?? serverRow?.values.name ?? 'hotspot1';
    const pool = serverRow?.values['address-pool'];
    const { address, allocated } = this.host.allocateAddress(init.address, pool, 0x0a050000);
    const data: HotspotActiveData = {
      flow: this.host.newFlow(init.rateIn, init.rateOut, init.onlineForMs),
      pool: allocated !== undefined ? pool : undefined,
      address: allocated,
    };
    const values = { server, user: userName, domain: '', address, 'mac-address': init.macAddress ?? this.host.rand.mac(), 'login-by': init.loginBy ?? 'http-chap' };
    const row = (this.host.menu(ACTIVE) as Menu<HotspotActiveData>).insert(values, data);
    this.online(userName).add(row);
    return row.id;
  }

  login(request: HotspotLoginRequest, session: HotspotSessionInit = {}): HotspotLoginResult {
    const user = this.users().find(request.user);
    const servers = this.host.menu('/ip/hotspot');
    const own = user?.values.server;
    const server = request.server ?? (own && own !== 'all' ? own : servers.all().next().value?.values.name);
    if (server === undefined || !servers.hasName(server)) {
      throw new Error(`no hotspot server '${server ?? ''}' on this router: log in to one that /ip/hotspot lists, or add it first`);
    }
    const macAddress = (request.macAddress ?? this.host.rand.mac()).toUpperCase();
    const reason = refuseHotspotLogin(this, { user: request.user, password: request.password, macAddress, server });
    if (reason !== undefined) return { ok: false, reason };
    return { ok: true, sessionId: this.start({ ...session, user: request.user, server, macAddress }) };
  }

  /** A session's end, before its row goes: its time and traffic up to `endClock` go to the user. */
  finish(row: Row, endClock = this.host.clockMs): void {
    const userName = row.values.user ?? '';
    const user = this.users().find(userName);
    if (user && user.values.name === userName) {
      const elapsed = Math.max(0, endClock - row.data.flow.startClock);
      user.data.uptimeMs += elapsed;
      user.data.bytesIn += Math.floor((row.data.flow.rateIn * elapsed) / 1000);
      user.data.bytesOut += Math.floor((row.data.flow.rateOut * elapsed) / 1000);
    }
    this.host.releaseAddress(row.data.pool, row.data.address);
    const online = this.byUser.get(userName);
    online?.delete(row);
    if (online?.size === 0) this.byUser.delete(userName);
  }

  end(id: string, endClock?: number): boolean {
    const menu = this.host.menu(ACTIVE) as Menu<HotspotActiveData>;
    const row = menu.find(id);
    if (!row) return false;
    this.finish(row, endClock);
    return menu.delete(row.id);
  }

  /** A random user that may log in from a new device and is not online, nor an unused voucher. */
  freeUser(): string | undefined {
    const free: string[] = [];
    for (const user of this.users().all()) {
      const name = user.values.name;
      if (name === undefined || this.byUser.has(name) || macLockOf(user.values) || isUnusedVoucher(this, user)) continue;
      const server = user.values.server && user.values.server !== 'all' ? user.values.server : '';
      if (refuseHotspotLogin(this, { user: name, password: user.values.password ?? '', macAddress: '', server }) === undefined) free.push(name);
    }
    return free.length > 0 ? this.host.rand.pick(free) : undefined;
  }

  /** A demo client redeems a random unused voucher with its own password; false if none is left. */
  redeemVoucher(): boolean {
    const unused = [...this.users().all()].filter((u) => u.values.disabled !== 'true' && !macLockOf(u.values) && isUnusedVoucher(this, u));
    if (unused.length === 0) return false;
    const voucher = this.host.rand.pick(unused);
    return this.login({ user: voucher.values.name!, password: voucher.values.password ?? '' }).ok;
  }

  /**
   * Ends the sessions whose user has used up a limit, or that have been online for their
   * profile's session-timeout, at the moment that happened. After a session-timeout the device
   * comes straight back by MAC cookie (RouterOS's default `add-mac-cookie=yes`) if it may.
   */
  enforceLimits(): void {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const due = this.dueEndings();
      if (due.length === 0) return;
      for (const { row, at, cause } of due) {
        if (!this.end(row.id, at)) continue;
        if (cause === 'session-timeout') this.comeBackByCookie(row, at);
      }
    }
  }

  private dueEndings(): Array<{ row: Row; at: number; cause: EndCause }> {
    const clock = this.host.clockMs;
    const users = this.users();
    const profiles = this.userProfiles();
    const due: Array<{ row: Row; at: number; cause: EndCause }> = [];
    for (const [name, sessions] of this.byUser) {
      const user = users.find(name);
      if (!user) continue;
      const limits = userLimits(user.values);
      const timeout = durationMs(profiles.find(user.values.profile ?? 'default')?.values['session-timeout']);
      if (!limits && timeout === undefined) continue;
      const crossed = limitCrossedAt(limits, hotspotUsage(user, sessions, clock), clock);
      for (const row of sessions) {
        const start = row.data.flow.startClock;
        let end: { at: number; cause: EndCause } | undefined = crossed ? { at: Math.max(start, crossed.at), cause: crossed.hit } : undefined;
        if (timeout !== undefined && start + timeout <= clock && (!end || start + timeout < end.at)) end = { at: start + timeout, cause: 'session-timeout' };
        if (end) due.push({ row, ...end });
      }
    }
    return due;
  }

  private comeBackByCookie(old: Row, at: number): void {
    const user = this.users().find(old.values.user ?? '');
    const profile = this.userProfiles().find(user?.values.profile ?? 'default');
    if (!user || (profile?.values['add-mac-cookie'] ?? 'true') !== 'true') return;
    this.login(
      { user: user.values.name!, password: user.values.password ?? '', macAddress: old.values['mac-address'], server: old.values.server },
      { loginBy: 'mac-cookie', rateIn: old.data.flow.rateIn, rateOut: old.data.flow.rateOut, onlineForMs: this.host.clockMs - at },
    );
  }

  private online(user: string): Set<Row> {
    let set = this.byUser.get(user);
    if (!set) this.byUser.set(user, (set = new Set()));
    return set;
  }
}
