import type { AccountsStore, AccountsTx } from '../accounts/accounts-tx';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../core/logger';
import type { SessionHub } from '../sessions/session-hub';
import { SecretBoxError } from '../secrets/secret-box';
import { CertificateTrust } from './certificate-trust';
import { readPeerCertificate } from './client/peer-certificate';
import type { RouterLiveStatus } from './contract';
import { RouterIo, type RouterIoOptions } from './io/router-io';
import { Signal } from './client/signal';
import type { ConnectionTestResult, LiveWant, MenuOp, MenuOpResult, RouterEndpoint, SessionKind, ShardEvent } from './io/shard-protocol';
import type { RouterRecord } from './router-store';
import { ResourcePublishLimit } from './resource-publish-limit';
import type { RouterStatusBoard } from './router-status-board';

/** What the router page's streams deliver (see router-watch-service.ts), with the router's tenant. */
export type RouterLiveData = Extract<ShardEvent, { type: 'traffic' | 'router-log' }> & { tenantId: number };

/** A router's connection settings as stored (its password and pin read with its record), or why its password cannot be used here. */
type StoredRouter = { record: RouterRecord; endpoint: RouterEndpoint } | { record: RouterRecord; unreadable: SecretBoxError };

async function endpointOf(tx: AccountsTx, record: RouterRecord): Promise<RouterEndpoint> {
  const { id, name, host, port, tls, tlsCa, username, encoding } = record;
  const pinned = tls === 'pin' ? await tx.routers.pinnedCertificate(id) : null;
  return { id, name, host, port, tls: { mode: tls, ca: tlsCa, pinned }, username, encoding, password: await tx.routers.password(id) };
}

async function storedRouter(tx: AccountsTx, record: RouterRecord): Promise<StoredRouter> {
  try {
    return { record, endpoint: await endpointOf(tx, record) };
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    return { record, unreadable: error };
  }
}

export interface LiveRoutersDeps {
  /** The routers' records, passwords and pins: read when a router (re)connects or drops, never per session event. */
  accounts: AccountsStore;
  routerStatus: RouterStatusBoard;
  sessions: SessionHub;
  bus: EventBus;
  log: Logger;
  io: Omit<RouterIoOptions, 'onEvent' | 'log'>;
  /** A `pin` router whose certificate could not be read is tried again this much later. @defaultValue 30_000 */
  pinRetryMs?: number;
}

/**
 * Joins the routers in the store to their live connections: watches every router, turns shard
 * events into status changes (RouterStatusChanged) and session deltas (SessionHub), and offers
 * the router operations jobs need (poll, kick, test).
 */
export class LiveRouters {
  private readonly io: RouterIo;
  private readonly trust: CertificateTrust;
  private readonly tenantOf = new Map<number, number>();
  /** Routers in `pin` mode: only their drops are worth a look at the certificate they present. */
  private readonly pinMode = new Set<number>();
  /** Bumped by every watch and unwatch: a settings or certificate read that ends late does not undo a newer choice. */
  private readonly generations = new Map<number, number>();
  private readonly pinRetries = new Map<number, NodeJS.Timeout>();
  /** The router whose RouterUpdated this class is publishing: nothing its connection uses changed. */
  private publishing: number | null = null;
  /** Traffic samples and log lines of routers whose page is open (setLive). */
  readonly liveData: Signal<RouterLiveData>;
  /** Resource refreshes go out within a rate per tenant; published with the router's status as it is then. */
  private readonly resourcePublishes = new ResourcePublishLimit((tenantId, id) => {
    const status = this.deps.routerStatus.get(id);
    if (status && this.tenantOf.get(id) === tenantId) this.deps.bus.publish('RouterStatusChanged', { id, status }, tenantId);
  });

  constructor(private readonly deps: LiveRoutersDeps) {
    this.liveData = new Signal((error) => deps.log.error('router live data listener failed', { error: String(error) }));
    this.io = new RouterIo({ ...deps.io, log: deps.log.child({ component: 'router-io' }), onEvent: (e) => this.handle(e) });
    this.trust = new CertificateTrust({
      accounts: deps.accounts,
      log: deps.log.child({ component: 'router-tls' }),
      updated: (record) => this.publishUpdated(record),
      setStatus: (id, change) => this.setStatus(id, change),
    });
  }

  /** Starts watching every stored router (at core start), from one read of their settings. */
  async start(): Promise<void> {
    const stored = await this.deps.accounts.read(async (tx) => Promise.all((await tx.routers.list(null)).map((record) => storedRouter(tx, record))));
    // A router added, changed or removed while that read ran is watched (or not) by its own, newer read.
    for (const router of stored) if (!this.generations.has(router.record.id)) this.apply(router, this.nextGeneration(router.record.id));
  }

  /**
   * (Re)connects a router with its settings as stored now (its RouterAdded or RouterUpdated);
   * a `pin` router without a pin first pins what it presents.
   */
  watch(routerId: number): void {
    if (this.publishing === routerId) return;
    const generation = this.nextGeneration(routerId);
    this.deps.accounts
      .read(async (tx) => {
        const record = await tx.routers.get(null, routerId);
        return record && storedRouter(tx, record);
      })
      .then((stored) => {
        // Changed or removed while its settings were read: the newer watch or unwatch decides.
        if (stored && this.generations.get(routerId) === generation) this.apply(stored, generation);
      })
      .catch((error: unknown) => this.deps.log.error('router could not be watched', { routerId, error: String(error) }));
  }

  unwatch(routerId: number, tenantId: number): void {
    this.nextGeneration(routerId);
    this.io.unwatch(routerId);
    this.tenantOf.delete(routerId);
    this.pinMode.delete(routerId);
    this.deps.sessions.endRouter(tenantId, routerId);
  }

  /** The router page's streams (traffic, log) on a router, on or off (null); kept through reconnects. */
  setLive(routerId: number, want: LiveWant | null): void {
    this.io.setLive(routerId, want);
  }

  poll(what: 'counters' | 'resource', spreadMs = 0): Promise<number> {
    return this.io.poll(what, spreadMs);
  }

  kick(routerId: number, kind: SessionKind, sessionId: string): Promise<unknown> {
    return this.io.kick(routerId, kind, sessionId);
  }

  /** Provisioning: menu commands pipelined on the router's connection (refusals per command, in the router's words). */
  menu(routerId: number, ops: MenuOp[], window = 32): Promise<MenuOpResult[]> {
    return this.io.menu(routerId, ops, window);
  }

  /** A connection test with the stored settings; a `pin` router without a pin pins what it presents first. */
  async test(record: RouterRecord): Promise<ConnectionTestResult> {
    let endpoint: RouterEndpoint;
    try {
      endpoint = await this.deps.accounts.read((tx) => endpointOf(tx, record));
      if (endpoint.tls.mode === 'pin' && endpoint.tls.pinned === null) endpoint = await this.trust.pinFirst(endpoint);
    } catch (error) {
      // An unreadable password or certificate is the test's answer, in words, not a failed job.
      return { ok: false, message: (error as Error).message, resource: null, latencyMs: null };
    }
    return (await this.io.test(endpoint)) as ConnectionTestResult;
  }

  /**
   * A test of settings not saved yet (the Add/Edit form): nothing is stored. In `pin` mode the
   * certificate the router presents now is read and used for this test only; saving pins it.
   */
  async testDraft(endpoint: RouterEndpoint): Promise<ConnectionTestResult & { fingerprint: string | null }> {
    let fingerprint: string | null = null;
    if (endpoint.tls.mode === 'pin') {
      try {
        const seen = await readPeerCertificate(endpoint.host, endpoint.port, 10_000);
        fingerprint = seen.fingerprint;
        endpoint = { ...endpoint, tls: { ...endpoint.tls, pinned: seen.pem } };
      } catch (error) {
        return { ok: false, message: `router '${endpoint.name}' presented no TLS certificate (${(error as Error).message}): check that api-ssl is enabled on that port`, resource: null, latencyMs: null, fingerprint };
      }
    }
    return { ...((await this.io.test(endpoint)) as ConnectionTestResult), fingerprint };
  }

  stop(): Promise<void> {
    this.resourcePublishes.stop();
    for (const timer of this.pinRetries.values()) clearTimeout(timer);
    this.pinRetries.clear();
    return this.io.stop();
  }

  /** Router shard workers that died and were started again since the console started. */
  get shardRestarts(): number {
    return this.io.restarts;
  }

  /** Router connection workers down now, waiting to start again (the console's /healthz). */
  get shardsDown(): number {
    return this.io.shardsDown;
  }

  private apply(stored: StoredRouter, generation: number): void {
    const { record } = stored;
    this.tenantOf.set(record.id, record.tenantId);
    if (record.tls === 'pin') this.pinMode.add(record.id);
    else this.pinMode.delete(record.id);
    if ('unreadable' in stored) {
      // No connection without the password it was saved with; the router says why, naming itself.
      this.io.unwatch(record.id);
      this.setStatus(record.id, { state: 'auth-failed', lastError: stored.unreadable.message });
      return;
    }
    const { endpoint } = stored;
    if (endpoint.tls.mode === 'pin' && endpoint.tls.pinned === null) {
      this.io.unwatch(record.id);
      this.setStatus(record.id, { state: 'connecting', lastError: null });
      this.trust.pinFirst(endpoint).then(
        (pinned) => this.generations.get(record.id) === generation && this.connect(pinned),
        (error: Error) => {
          if (this.generations.get(record.id) !== generation) return;
          this.setStatus(record.id, { state: 'offline', lastError: error.message });
          this.retryPin(record.id, generation);
        },
      ).catch((error: unknown) => this.deps.log.error('router could not be watched after pinning its certificate', { routerId: record.id, error: String(error) }));
      return;
    }
    this.connect(endpoint);
  }

  private connect(endpoint: RouterEndpoint): void {
    this.setStatus(endpoint.id, { state: 'connecting', lastError: null });
    this.io.watch(endpoint);
  }

  private nextGeneration(routerId: number): number {
    clearTimeout(this.pinRetries.get(routerId));
    this.pinRetries.delete(routerId);
    const generation = (this.generations.get(routerId) ?? 0) + 1;
    this.generations.set(routerId, generation);
    return generation;
  }

  private retryPin(routerId: number, generation: number): void {
    const timer = setTimeout(() => {
      this.pinRetries.delete(routerId);
      if (this.generations.get(routerId) === generation) this.watch(routerId);
    }, this.deps.pinRetryMs ?? 30_000);
    this.pinRetries.set(routerId, timer);
  }

  /** A pin stored or a certificate offered: shown on the router, without reconnecting it. */
  private publishUpdated(record: RouterRecord): void {
    this.publishing = record.id;
    try {
      this.deps.bus.publish('RouterUpdated', { ...record, status: this.deps.routerStatus.get(record.id) }, record.tenantId);
    } finally {
      this.publishing = null;
    }
  }

  private handle(event: ShardEvent): void {
    if (event.type === 'ready' || event.type === 'reply' || event.type === 'log') return;
    const tenantId = this.tenantOf.get(event.routerId);
    if (tenantId === undefined) return; // a late event of a router no longer watched
    switch (event.type) {
      case 'status': {
        const online = event.state === 'online' || event.state === 'degraded';
        this.setStatus(event.routerId, {
          state: event.state,
          lastError: event.error,
          ...(online ? { lastSeenAt: new Date().toISOString() } : {}),
        });
        // Sessions of a router we cannot see are not vouched for; a reconnect re-syncs them. The
        // shard's live sets end them too, but a restarted worker (state 'connecting') cannot.
        if (!online) this.deps.sessions.endRouter(tenantId, event.routerId);
        if (event.state === 'offline' && this.pinMode.has(event.routerId)) this.checkPinned(event.routerId);
        return;
      }
      case 'resource':
        this.setStatus(event.routerId, { ...event.resource, lastSeenAt: new Date().toISOString() }, 'refresh');
        return;
      case 'hotspot':
        this.deps.sessions.applyHotspot(tenantId, event.delta);
        return;
      case 'pppoe':
        this.deps.sessions.applyPppoe(tenantId, event.delta);
        return;
      case 'traffic':
      case 'router-log':
        this.liveData.emit({ ...event, tenantId });
        return;
    }
  }

  /**
   * A `pin` router that dropped may present another certificate than its pin: its record is read
   * (once per drop) to look. A change of the router meanwhile (an accepted certificate) makes the look moot.
   */
  private checkPinned(routerId: number): void {
    const generation = this.generations.get(routerId);
    const current = () => this.generations.get(routerId) === generation;
    this.deps.accounts
      .read((tx) => tx.routers.get(null, routerId))
      .then((record) => record && this.trust.checkPinned(record, current))
      .catch((error: unknown) => this.deps.log.error('router certificate not checked', { routerId, error: String(error) }));
  }

  /** A `refresh` (new resource figures, same state) may wait for a slot on the tenant's channel (see ResourcePublishLimit). */
  private setStatus(routerId: number, change: Partial<RouterLiveStatus>, kind: 'change' | 'refresh' = 'change'): void {
    const status = this.deps.routerStatus.update(routerId, change);
    // A router no longer watched (removed) has no channel to tell.
    const tenantId = this.tenantOf.get(routerId);
    if (!status || tenantId === undefined) return;
    if (kind === 'refresh') return this.resourcePublishes.offer(tenantId, routerId);
    this.resourcePublishes.published(tenantId, routerId);
    this.deps.bus.publish('RouterStatusChanged', { id: routerId, status }, tenantId);
  }
}
