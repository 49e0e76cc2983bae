import type { AccountsStore } from '../accounts/accounts-tx';
import type { Logger } from '../core/logger';
import { channelOf } from '../events/channels';
import type { EventBus } from '../events/event-bus';
import type { RouterStatusBoard } from '../routers/router-status-board';
import type { SessionHub } from '../sessions/session-hub';
import { dashboardEvents, type DashboardPoint, type DashboardSnapshot, type DashboardStats } from './contract';
import { AlertSince } from './alert-since';
import { DashboardHistory, POINT_INTERVAL_MS } from './dashboard-history';
import { computeStats, type RouterFigures } from './dashboard-stats';

/** A dashboard pushes at most this often, however busy its routers are. */
export const MIN_PUSH_INTERVAL_MS = 1_000;
const ALL = 'all';
type DashboardKey = number | typeof ALL;

export interface DashboardSources {
  bus: EventBus;
  /** The routers (names, tenants): read once per push, history point and snapshot, never per session event. */
  accounts: Pick<AccountsStore, 'read'>;
  routerStatus: RouterStatusBoard;
  sessions: SessionHub;
  tenantNames: () => ReadonlyMap<number, string>;
  log: Logger;
  now?: () => Date;
}

/**
 * Keeps every tenant's dashboard and the all-tenants one. Changes (sessions, router status)
 * mark dashboards dirty; a dirty dashboard is pushed at most once a second, and every 10 s
 * each dashboard gets a history point, so the charts move even when nothing else does.
 */
export class DashboardService {
  private readonly histories = new Map<DashboardKey, DashboardHistory>();
  private readonly dirty = new Set<DashboardKey>();
  private readonly alertSince = new AlertSince();
  private lastPush = -Infinity;
  private pushTimer: NodeJS.Timeout | null = null;
  private pointTimer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(private readonly sources: DashboardSources) {
    this.now = sources.now ?? (() => new Date());
  }

  start(): void {
    this.pointTimer ??= setInterval(() => this.logFailure(this.addPoints()), POINT_INTERVAL_MS);
    this.pointTimer.unref();
  }

  stop(): void {
    if (this.pointTimer) clearInterval(this.pointTimer);
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pointTimer = this.pushTimer = null;
  }

  /** Something of this tenant changed; its dashboard and the all-tenants one will be pushed. */
  markDirty(tenantId: number): void {
    this.dirty.add(tenantId);
    this.dirty.add(ALL);
    if (this.pushTimer) return;
    const wait = Math.max(0, this.lastPush + MIN_PUSH_INTERVAL_MS - performance.now());
    this.pushTimer = setTimeout(() => this.logFailure(this.pushDirty()), wait);
  }

  async snapshot(tenantId: number | null): Promise<DashboardSnapshot> {
    const key: DashboardKey = tenantId ?? ALL;
    // The seq first: a push while the routers are read comes after it and replaces these stats.
    const seq = this.sources.bus.currentSeq(channelOf(dashboardEvents.DashboardStatsUpdated, tenantId ?? undefined));
    const stats = await this.stats(key);
    return { seq, stats, history: this.histories.get(key)?.list() ?? [] };
  }

  /** Adds a history point to every dashboard and pushes it (every 10 s). */
  async addPoints(): Promise<void> {
    for (const [key, stats] of await this.statsOf('every')) {
      const point: DashboardPoint = { at: stats.at, hotspot: stats.hotspotOnline, pppoe: stats.pppoeOnline, ...stats.throughput };
      this.history(key).add(point);
      this.dirty.delete(key);
      this.publish(key, stats, point);
    }
  }

  /** Every router's live figures now, for the minute rollup of the persisted history. */
  routerFigures(): Promise<RouterFigures[]> {
    return this.figures(null);
  }

  private async pushDirty(): Promise<void> {
    this.pushTimer = null;
    this.lastPush = performance.now();
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const [key, stats] of await this.statsOf(keys)) this.publish(key, stats, null);
  }

  private logFailure(work: Promise<void>): void {
    work.catch((error: unknown) => this.sources.log.warn('dashboard not pushed', { error: String(error) }));
  }

  private publish(key: DashboardKey, stats: DashboardStats, point: DashboardPoint | null): void {
    this.sources.bus.publish('DashboardStatsUpdated', { stats, point }, key === ALL ? undefined : key);
  }

  private history(key: DashboardKey): DashboardHistory {
    let history = this.histories.get(key);
    if (!history) this.histories.set(key, (history = new DashboardHistory()));
    return history;
  }

  private async stats(key: DashboardKey): Promise<DashboardStats> {
    return this.compute(key, await this.figures(key === ALL ? null : key));
  }

  /**
   * The stats of several dashboards (`every`: the all-tenants one and each tenant with routers)
   * from one read of the routers and one pass over the sessions: a push covers a tenant and the
   * all-tenants view, and 20k sessions are summed once.
   */
  private async statsOf(keys: readonly DashboardKey[] | 'every'): Promise<Map<DashboardKey, DashboardStats>> {
    const all = await this.figures(null);
    if (keys === 'every') this.alertSince.keepOnly(new Set(all.map((r) => r.id)));
    const chosen: readonly DashboardKey[] = keys === 'every' ? [ALL, ...new Set(all.map((r) => r.tenantId))] : keys;
    return new Map(chosen.map((key) => [key, this.compute(key, key === ALL ? all : all.filter((r) => r.tenantId === key))]));
  }

  private compute(key: DashboardKey, figures: readonly RouterFigures[]): DashboardStats {
    return computeStats(key === ALL ? null : key, figures, this.now(), key === ALL ? this.sources.tenantNames() : undefined);
  }

  private async figures(tenantId: number | null): Promise<RouterFigures[]> {
    const routers = await this.sources.accounts.read((tx) => tx.routers.list(tenantId));
    const totalsByTenant = new Map<number, ReturnType<SessionHub['routerTotals']>>();
    return routers.map((r) => {
      let totals = totalsByTenant.get(r.tenantId);
      if (!totals) totalsByTenant.set(r.tenantId, (totals = this.sources.sessions.routerTotals(r.tenantId)));
      const t = totals.get(r.id) ?? { hotspot: 0, pppoe: 0, inBps: 0, outBps: 0 };
      const status = this.sources.routerStatus.get(r.id);
      return { id: r.id, tenantId: r.tenantId, name: r.name, status, since: this.alertSince.of(r.id, status, this.now()), ...t };
    });
  }
}
