import type { EventBus } from '../events/event-bus';
import type { Logger } from '../core/logger';
import type { SessionHub } from '../sessions/session-hub';
import type { RouterLiveStatus } from './contract';
import { RouterIo, type RouterIoOptions } from './io/router-io';
import type { ConnectionTestResult, RouterEndpoint, SessionKind, ShardEvent } from './io/shard-protocol';
import type { RouterRecord, RouterRepository } from './router-repository';
import type { RouterStatusBoard } from './router-status-board';

export interface LiveRoutersDeps {
  routers: RouterRepository;
  routerStatus: RouterStatusBoard;
  sessions: SessionHub;
  bus: EventBus;
  log: Logger;
  io: Omit<RouterIoOptions, 'onEvent' | 'log'>;
}

/**
 * Joins the routers in the store to their live connections: watches every router, turns shard
 * events into status changes (RouterStatusChanged) and session deltas (SessionHub), and offers
 * the router operations jobs need (poll, kick, test).
 */
export class LiveRouters {
  private readonly io: RouterIo;
  private readonly tenantOf = new Map<number, number>();

  constructor(private readonly deps: LiveRoutersDeps) {
    this.io = new RouterIo({ ...deps.io, log: deps.log.child({ component: 'router-io' }), onEvent: (e) => this.handle(e) });
  }

  /** Starts watching every stored router (at core start). */
  start(): void {
    for (const record of this.deps.routers.list(null)) this.watch(record);
  }

  watch(record: RouterRecord): void {
    let endpoint: RouterEndpoint;
    try {
      endpoint = this.endpoint(record);
    } catch (error) {
      this.setStatus(record.id, { state: 'auth-failed', lastError: `stored password cannot be read: ${(error as Error).message}` });
      return;
    }
    this.tenantOf.set(record.id, record.tenantId);
    this.setStatus(record.id, { state: 'connecting', lastError: null });
    this.io.watch(endpoint);
  }

  unwatch(routerId: number, tenantId: number): void {
    this.io.unwatch(routerId);
    this.tenantOf.delete(routerId);
    this.deps.sessions.endRouter(tenantId, routerId);
  }

  poll(what: 'counters' | 'resource', spreadMs = 0): Promise<number> {
    return this.io.poll(what, spreadMs);
  }

  kick(routerId: number, kind: SessionKind, sessionId: string): Promise<unknown> {
    return this.io.kick(routerId, kind, sessionId);
  }

  async test(record: RouterRecord): Promise<ConnectionTestResult> {
    return (await this.io.test(this.endpoint(record))) as ConnectionTestResult;
  }

  stop(): Promise<void> {
    return this.io.stop();
  }

  private endpoint(record: RouterRecord): RouterEndpoint {
    const { id, name, host, port, tls, username, encoding } = record;
    return { id, name, host, port, tls, username, encoding, password: this.deps.routers.password(id) };
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
        return;
      }
      case 'resource':
        this.setStatus(event.routerId, { ...event.resource, lastSeenAt: new Date().toISOString() });
        return;
      case 'hotspot':
        this.deps.sessions.applyHotspot(tenantId, event.delta);
        return;
      case 'pppoe':
        this.deps.sessions.applyPppoe(tenantId, event.delta);
        return;
    }
  }

  private setStatus(routerId: number, change: Partial<RouterLiveStatus>): void {
    const status = this.deps.routerStatus.update(routerId, change);
    const tenantId = this.tenantOf.get(routerId) ?? this.deps.routers.get(null, routerId)?.tenantId;
    if (status && tenantId !== undefined) this.deps.bus.publish('RouterStatusChanged', { id: routerId, status }, tenantId);
  }
}
