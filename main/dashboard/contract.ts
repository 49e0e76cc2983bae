import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export interface DashboardPoint {
  at: string;
  hotspot: number;
  pppoe: number;
  /** Total throughput in bits per second, summed over the scope's routers. */
  inBps: number;
  outBps: number;
}

/**
 * One alert, one line: the router named once, what is wrong, since when. Down routers come first
 * (then by tenant and router name), so the worst is at the top.
 */
export interface DashboardAlert {
  kind: 'router-offline' | 'router-auth-failed' | 'cpu-high';
  /** down: the router serves nobody (offline, login refused); warning: it works but needs a look. */
  severity: 'down' | 'warning';
  routerId: number;
  routerName: string;
  tenantId: number;
  /** The tenant's name in the system admins' all-tenants view; null in a tenant's own view. */
  tenantName: string | null;
  /** When the trouble began, as the console saw it. */
  since: string;
  /** What is wrong, without the router's name: "offline: connection refused". */
  message: string;
}

export interface TenantBreakdown {
  tenantId: number;
  tenantName: string;
  routersOnline: number;
  routersTotal: number;
  hotspot: number;
  pppoe: number;
  inBps: number;
  outBps: number;
}

/** One router's live sessions, for the Routers list's Sessions column. */
export interface RouterSessionCount {
  routerId: number;
  hotspot: number;
  pppoe: number;
}

/** The figures of one dashboard: a tenant's, or (tenantId null) all tenants' for system admins. */
export interface DashboardStats {
  tenantId: number | null;
  at: string;
  routers: { total: number; online: number; degraded: number; offline: number; authFailed: number };
  hotspotOnline: number;
  pppoeOnline: number;
  throughput: { inBps: number; outBps: number };
  topRouters: Array<{ routerId: number; routerName: string; tenantId: number; sessions: number }>;
  alerts: DashboardAlert[];
  /** System admins' view only: one row per tenant. */
  perTenant: TenantBreakdown[] | null;
  /**
   * A tenant's view only: every router's session counts, so the Routers list shows them live
   * from this push instead of holding every session; null in the all-tenants view (too many).
   */
  routerSessions: RouterSessionCount[] | null;
}

/** The snapshot adds the last hour of points; events carry only the newest point. */
export interface DashboardSnapshot {
  seq: number;
  stats: DashboardStats;
  history: DashboardPoint[];
}

export interface DashboardUpdate {
  stats: DashboardStats;
  point: DashboardPoint | null;
}

export const dashboardInvokes = {
  'dashboard.snapshot': defineInvoke<DashboardSnapshot>()({
    input: z.object({ tenantId: z.number().int().positive().optional() }).strict(),
    summary: 'Dashboard figures and the last hour of history for the caller’s tenant (system admins: all tenants, or one).',
  }),
};

export const dashboardEvents = {
  DashboardStatsUpdated: defineEvent<DashboardUpdate>()({
    scope: 'tenant',
    topic: 'dashboard',
    withoutTenant: 'system',
    summary: 'Pushed when the figures change (at most once a second per dashboard), with a history point every 10 s.',
  }),
};
