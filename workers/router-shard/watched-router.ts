import type { Logger } from '../../main/core/logger';
import { hotspotSessionSet, pppSessionSet, type LiveSet } from '../../main/routers/client/live-set';
import type { RouterConnectionOptions } from '../../main/routers/client/connection-options';
import { RouterConnection } from '../../main/routers/client/router-connection';
import type { RouterError } from '../../main/routers/client/router-error';
import { getIdentity, getSystemResource } from '../../main/routers/client/system-menus';
import { kickHotspotSession } from '../../main/routers/client/hotspot-menus';
import { kickPppSession } from '../../main/routers/client/ppp-menus';
import type { HotspotSession as RouterHotspotSession } from '../../main/routers/client/hotspot-menus';
import type { PppSession } from '../../main/routers/client/ppp-menus';
import type { RouterEndpoint, RouterResource, SessionKind, ShardEvent } from '../../main/routers/io/shard-protocol';
import { clientTls } from '../../main/routers/router-tls';
import { SessionRows } from './session-rows';
import { runMenuOps } from './menu-ops';
import { RouterStreams } from './router-streams';
import type { LiveWant, MenuOp, MenuOpResult } from '../../main/routers/io/shard-protocol';

/** The live sets also reconcile on their own this often, should the poll schedule stop. */
const FALLBACK_REFRESH_MS = 5 * 60_000;

export function connectionFor(endpoint: RouterEndpoint, options: RouterConnectionOptions): RouterConnection {
  return new RouterConnection(
    {
      name: endpoint.name,
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.username,
      password: endpoint.password,
      tls: clientTls(endpoint.tls),
      encoding: endpoint.encoding,
    },
    options,
  );
}

export async function readResource(conn: RouterConnection): Promise<RouterResource> {
  const [resource, identity] = await Promise.all([getSystemResource(conn), getIdentity(conn)]);
  const used = resource.totalMemory && resource.freeMemory !== null ? 1 - resource.freeMemory / resource.totalMemory : null;
  return {
    identity,
    board: resource.boardName || null,
    version: resource.version || null,
    uptimeSeconds: resource.uptimeSeconds,
    cpuLoad: resource.cpuLoadPercent,
    memoryUsedPercent: used === null ? null : Math.round(used * 1000) / 10,
  };
}

/** A kick of a session the router no longer has is done already (desired state reached). */
function alreadyGone(error: unknown): boolean {
  const e = error as RouterError;
  return e?.code === 'trap' && (e.category === 0 || /no such item/i.test(e.message));
}

/**
 * One router inside a shard: its persistent connection, the two live sets, and the reads and
 * kicks jobs ask for. Everything it learns goes out as ShardEvents.
 */
export class WatchedRouter {
  private readonly conn: RouterConnection;
  private readonly hotspot: LiveSet<RouterHotspotSession>;
  private readonly ppp: LiveSet<PppSession, unknown>;
  private readonly rows: SessionRows;
  private readonly streams: RouterStreams;

  constructor(
    readonly endpoint: RouterEndpoint,
    options: RouterConnectionOptions,
    private readonly emit: (event: ShardEvent) => void,
    log: Logger,
  ) {
    this.conn = connectionFor(endpoint, { ...options, logger: log });
    this.rows = new SessionRows(endpoint.id, endpoint.name);
    const routerId = endpoint.id;
    this.conn.stateChanges.on(({ state, error }) => emit({ type: 'status', routerId, state, error: error?.message ?? null }));
    this.conn.connected.on(() => void this.pollResource());
    this.hotspot = hotspotSessionSet(this.conn, { refreshIntervalMs: FALLBACK_REFRESH_MS, logger: log });
    this.ppp = pppSessionSet(this.conn, { refreshIntervalMs: FALLBACK_REFRESH_MS, logger: log }) as LiveSet<PppSession, unknown>;
    this.hotspot.deltas.on((delta) => emit({ type: 'hotspot', routerId, delta: this.rows.hotspot(delta) }));
    this.ppp.deltas.on((delta) => emit({ type: 'pppoe', routerId, delta: this.rows.pppoe(delta) }));
    this.streams = new RouterStreams(this.conn, routerId, emit, log);
  }

  /** The router page's traffic and log streams, on or off (see router-streams.ts). */
  setLive(want: LiveWant | null): void {
    this.streams.set(want);
  }

  start(): void {
    this.conn.start();
    this.hotspot.start();
    this.ppp.start();
  }

  get online(): boolean {
    return this.conn.state === 'online' || this.conn.state === 'degraded';
  }

  /** Re-reads both live sets (byte counters, and anything a listen missed). */
  async pollCounters(): Promise<void> {
    if (!this.online) return;
    await Promise.all([this.hotspot.refresh(), this.ppp.refresh()]);
  }

  async pollResource(): Promise<void> {
    if (!this.online) return;
    try {
      this.emit({ type: 'resource', routerId: this.endpoint.id, resource: await readResource(this.conn) });
    } catch {
      // The connection reports its own state; a failed read is retried at the next poll.
    }
  }

  async kick(kind: SessionKind, sessionId: string): Promise<{ removed: boolean }> {
    try {
      await (kind === 'hotspot' ? kickHotspotSession(this.conn, sessionId) : kickPppSession(this.conn, sessionId));
      return { removed: true };
    } catch (error) {
      if (alreadyGone(error)) return { removed: false };
      // A trap is the router's definite answer: retrying the same command will not change it.
      if ((error as RouterError).code === 'trap') throw Object.assign(error as Error, { permanent: true });
      throw error;
    }
  }

  /** Provisioning commands; refused at once while the router is not online (the job waits for it). */
  async runMenuOps(ops: readonly MenuOp[], window: number): Promise<MenuOpResult[]> {
    if (!this.online) throw new Error(`router '${this.endpoint.name}' is ${this.conn.state}: the change waits until it is back online`);
    return runMenuOps(this.conn, ops, window);
  }

  async stop(): Promise<void> {
    this.streams.stop();
    this.hotspot.stop();
    this.ppp.stop();
    await this.conn.stop();
  }
}
