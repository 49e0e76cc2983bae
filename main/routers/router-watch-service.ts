import type { AccountsStore } from '../accounts/accounts-tx';
import type { Session } from '../auth/session';
import { DomainError } from '../contract/errors';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import { channelOf } from '../events/channels';
import type { InterfaceRate } from './io/shard-protocol';
import type { LiveRouters, RouterLiveData } from './live-routers';
import { readRouterPage } from './router-page-read';
import type { RouterStatusBoard } from './router-status-board';
import { maskRouterText } from './router-text-mask';
import { routerWatchEvents, type RouterWatchSnapshot } from './watch-contract';

export interface RouterWatchDeps {
  bus: EventBus;
  log: Logger;
  accounts: AccountsStore;
  routerStatus: RouterStatusBoard;
  liveRouters: Pick<LiveRouters, 'setLive' | 'menu' | 'liveData'>;
  /** Whether a watcher's connection is still there, signed in, and may still watch (closed windows stop watching). */
  isLive: (session: Session) => boolean;
}

export interface RouterWatchOptions {
  /** How often watchers whose connection is gone are swept. @defaultValue 15000 */
  sweepMs?: number;
}

/**
 * Who has which router's page open. The first watcher of a router starts its traffic and log
 * streams on the router; the last one leaving (unwatch, or a connection gone at the next sweep)
 * stops them there, so a router streams only while someone looks. Samples and lines go out on
 * the router's tenant channel `router-live`, masked.
 */
export class RouterWatchService {
  /** routerId → watching sessions by id. */
  private readonly watchers = new Map<number, Map<string, Session>>();
  /** Watches still reading their router (`routerId session`): an unwatch or the router's removal meanwhile cancels them. */
  private readonly opening = new Set<string>();
  private readonly tenants = new Map<number, number>();
  /** The latest second of each watched router, for a second watcher's snapshot. */
  private readonly rates = new Map<number, Map<string, InterfaceRate>>();
  private sweeper: NodeJS.Timeout | null = null;
  private readonly offData: () => void;

  constructor(
    private readonly deps: RouterWatchDeps,
    private readonly options: RouterWatchOptions = {},
  ) {
    this.offData = deps.liveRouters.liveData.on((data) => this.heard(data));
  }

  /** Adds the session as a watcher (starting the streams if it is the first) and returns the page's snapshot. */
  async watch(session: Session, routerId: number): Promise<RouterWatchSnapshot> {
    const key = `${routerId} ${session.id}`;
    this.opening.add(key);
    let stillWanted = false;
    const record = await this.deps.accounts.read((tx) => tx.routers.get(session.user?.tenantId ?? null, routerId)).finally(() => (stillWanted = this.opening.delete(key)));
    if (!record) throw new DomainError('not_found', `router ${routerId} is not one of your routers: choose one from Routers`);
    if (!stillWanted) throw new DomainError('conflict', `the page of router '${record.name}' was closed, or the router removed, before it opened: open it again`);
    let sessions = this.watchers.get(routerId);
    if (!sessions) {
      sessions = new Map();
      this.watchers.set(routerId, sessions);
      this.tenants.set(routerId, record.tenantId);
      this.deps.liveRouters.setLive(routerId, { traffic: true, log: true });
      this.deps.log.info('router page streams started', { routerId, tenantId: record.tenantId });
    }
    sessions.set(session.id, session);
    this.sweeper ??= setInterval(() => this.sweep(), this.options.sweepMs ?? 15_000);
    this.sweeper.unref();
    // The seq first: lines the streams deliver while the reads run come as events too (the page drops repeats by id).
    const seq = this.deps.bus.currentSeq(channelOf(routerWatchEvents.RouterLogLines, record.tenantId));
    const read = await readRouterPage(this.deps.liveRouters, routerId, record.name);
    const rates = this.rates.get(routerId);
    return {
      routerId,
      name: record.name,
      status: this.deps.routerStatus.get(routerId),
      interfaces: read.interfaces.map((i) => ({ ...i, rxBps: rates?.get(i.name)?.rxBps ?? null, txBps: rates?.get(i.name)?.txBps ?? null })),
      leases: read.leases,
      log: read.log,
      readError: read.error,
      seq,
    };
  }

  /** Removes the watcher; the last one out stops the router's streams. */
  unwatch(session: Session, routerId: number): boolean {
    const sessions = this.watchers.get(routerId);
    const was = (sessions?.delete(session.id) ?? false) || this.opening.delete(`${routerId} ${session.id}`);
    if (sessions?.size === 0) this.stopStreams(routerId);
    return was;
  }

  /** A removed router has no page: its watchers are dropped (its connection is gone already). */
  forget(routerId: number): void {
    for (const key of this.opening) if (key.startsWith(`${routerId} `)) this.opening.delete(key);
    if (this.watchers.has(routerId)) this.stopStreams(routerId);
  }

  /** Routers whose streams are on, with their watcher counts (tests, status). */
  watched(): Map<number, number> {
    return new Map([...this.watchers].map(([id, s]) => [id, s.size]));
  }

  /** Drops watchers whose connection closed, signed out or may no longer watch; stops streams no one watches. */
  sweep(): void {
    for (const [routerId, sessions] of this.watchers) {
      for (const [id, session] of sessions) if (!this.deps.isLive(session)) sessions.delete(id);
      if (sessions.size === 0) this.stopStreams(routerId);
    }
  }

  close(): void {
    this.offData();
    for (const routerId of [...this.watchers.keys()]) this.stopStreams(routerId);
  }

  private stopStreams(routerId: number): void {
    this.watchers.delete(routerId);
    this.tenants.delete(routerId);
    this.rates.delete(routerId);
    this.deps.liveRouters.setLive(routerId, null);
    this.deps.log.info('router page streams stopped', { routerId });
    if (this.watchers.size === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }

  private heard(data: RouterLiveData): void {
    const tenantId = this.tenants.get(data.routerId);
    // A late message of streams already stopped, or of a router that moved tenant: not published.
    if (tenantId === undefined || tenantId !== data.tenantId) return;
    if (data.type === 'traffic') {
      this.rates.set(data.routerId, new Map(data.interfaces.map((i) => [i.name, i])));
      this.deps.bus.publish('RouterTrafficSampled', { routerId: data.routerId, at: new Date(data.at).toISOString(), interfaces: data.interfaces }, tenantId);
      return;
    }
    const lines = data.lines.map((l) => ({ ...l, message: maskRouterText(l.message) }));
    this.deps.bus.publish('RouterLogLines', { routerId: data.routerId, lines }, tenantId);
  }
}
