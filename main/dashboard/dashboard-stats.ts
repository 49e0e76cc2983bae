import type { RouterLiveStatus } from '../routers/contract';
import type { DashboardAlert, DashboardStats, TenantBreakdown } from './contract';

export const CPU_ALERT_PERCENT = 90;
const TOP_ROUTERS = 5;

/** What the aggregator needs to know about one router. */
export interface RouterFigures {
  id: number;
  tenantId: number;
  name: string;
  status: RouterLiveStatus;
  hotspot: number;
  pppoe: number;
  inBps: number;
  outBps: number;
}

/**
 * Pure: the dashboard figures for a set of routers. `tenantNames` is given only for the
 * system admins' all-tenants dashboard, which adds a per-tenant breakdown.
 */
export function computeStats(
  tenantId: number | null,
  routers: readonly RouterFigures[],
  now: Date,
  tenantNames?: ReadonlyMap<number, string>,
): DashboardStats {
  const count = (state: RouterLiveStatus['state']) => routers.filter((r) => r.status.state === state).length;
  const alerts: DashboardAlert[] = [];
  for (const r of routers) {
    const since = r.status.lastSeenAt ?? now.toISOString();
    if (r.status.state === 'offline') {
      alerts.push({ kind: 'router-offline', routerId: r.id, routerName: r.name, tenantId: r.tenantId, since, message: `${r.name} is offline${r.status.lastError ? `: ${r.status.lastError}` : ''}` });
    } else if (r.status.state === 'auth-failed') {
      alerts.push({ kind: 'router-auth-failed', routerId: r.id, routerName: r.name, tenantId: r.tenantId, since, message: `${r.name} refused the console’s login: check the API user and password` });
    }
    if (r.status.state === 'online' && (r.status.cpuLoad ?? 0) > CPU_ALERT_PERCENT) {
      alerts.push({ kind: 'cpu-high', routerId: r.id, routerName: r.name, tenantId: r.tenantId, since: now.toISOString(), message: `${r.name} CPU at ${r.status.cpuLoad} %` });
    }
  }
  const sum = (pick: (r: RouterFigures) => number, rs: readonly RouterFigures[] = routers) => rs.reduce((n, r) => n + pick(r), 0);
  let perTenant: TenantBreakdown[] | null = null;
  if (tenantNames) {
    perTenant = [...tenantNames].map(([id, tenantName]) => {
      const own = routers.filter((r) => r.tenantId === id);
      return {
        tenantId: id,
        tenantName,
        routersOnline: own.filter((r) => r.status.state === 'online' || r.status.state === 'degraded').length,
        routersTotal: own.length,
        hotspot: sum((r) => r.hotspot, own),
        pppoe: sum((r) => r.pppoe, own),
        inBps: sum((r) => r.inBps, own),
        outBps: sum((r) => r.outBps, own),
      };
    });
  }
  return {
    tenantId,
    at: now.toISOString(),
    routers: { total: routers.length, online: count('online'), degraded: count('degraded'), offline: count('offline'), authFailed: count('auth-failed') },
    hotspotOnline: sum((r) => r.hotspot),
    pppoeOnline: sum((r) => r.pppoe),
    throughput: { inBps: sum((r) => r.inBps), outBps: sum((r) => r.outBps) },
    topRouters: [...routers]
      .map((r) => ({ routerId: r.id, routerName: r.name, tenantId: r.tenantId, sessions: r.hotspot + r.pppoe }))
      .sort((a, b) => b.sessions - a.sessions || a.routerName.localeCompare(b.routerName))
      .slice(0, TOP_ROUTERS),
    alerts,
    perTenant,
  };
}
