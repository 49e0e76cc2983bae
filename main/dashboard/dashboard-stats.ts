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
  /** When its current trouble began (see AlertSince); null while it is fine. */
  since: string | null;
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
  const alerts = routers
    .map((r) => alertOf(r, now, tenantNames))
    .filter((a): a is DashboardAlert => a !== null)
    .sort(byUrgency);
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
    routerSessions: tenantId === null ? null : routers.map((r) => ({ routerId: r.id, hotspot: r.hotspot, pppoe: r.pppoe })),
  };
}

/** The router's name may open its error ("router 'north-02' now presents…"); the alert line names it once already. */
function withoutName(error: string, name: string): string {
  for (const prefix of [`router '${name}' is `, `router '${name}' `, `${name}: `]) if (error.startsWith(prefix)) return error.slice(prefix.length);
  return error;
}

function alertOf(r: RouterFigures, now: Date, tenantNames: ReadonlyMap<number, string> | undefined): DashboardAlert | null {
  const base = { routerId: r.id, routerName: r.name, tenantId: r.tenantId, tenantName: tenantNames?.get(r.tenantId) ?? null, since: r.since ?? now.toISOString() };
  const error = r.status.lastError ? withoutName(r.status.lastError, r.name) : null;
  if (r.status.state === 'offline') return { ...base, kind: 'router-offline', severity: 'down', message: `offline${error ? `: ${error}` : ''}` };
  if (r.status.state === 'auth-failed') return { ...base, kind: 'router-auth-failed', severity: 'down', message: 'refused the console’s login: check the API user and password' };
  if (r.status.state === 'online' && (r.status.cpuLoad ?? 0) > CPU_ALERT_PERCENT) return { ...base, kind: 'cpu-high', severity: 'warning', message: `CPU at ${r.status.cpuLoad} %` };
  return null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Down before warnings, then by tenant and router name (north-2 before north-10). */
function byUrgency(a: DashboardAlert, b: DashboardAlert): number {
  const severity = (x: DashboardAlert) => (x.severity === 'down' ? 0 : 1);
  return severity(a) - severity(b) || collator.compare(a.tenantName ?? '', b.tenantName ?? '') || collator.compare(a.routerName, b.routerName);
}
