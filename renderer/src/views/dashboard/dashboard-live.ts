import type { DashboardSnapshot, DashboardUpdate } from '../../../../main/dashboard/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { rememberTenants } from '../../stores/tenant-scope-store';
import { dashboardActions, resetDashboardStore } from './dashboard-store';

/**
 * Dashboard: one `dashboard.snapshot`, then DashboardStatsUpdated — on `tenant.{id}.dashboard`,
 * or `system.dashboard` for a system admin's all-tenants view (tenantId null).
 */
export function attachDashboard(tenantId: number | null, asAdmin: boolean): () => void {
  resetDashboardStore();
  return attachLiveChannel<DashboardSnapshot>({
    channel: tenantId === null ? 'system.dashboard' : `tenant.${tenantId}.dashboard`,
    fetchSnapshot: () => api.invoke('dashboard.snapshot', asAdmin && tenantId !== null ? { tenantId } : {}),
    snapshotSeq: (snapshot) => snapshot.seq,
    onSnapshot: (snapshot) => {
      dashboardActions.snapshot(snapshot);
      learnTenants(snapshot.stats.perTenant);
    },
    onEvent: (name, payload) => {
      if (name !== 'DashboardStatsUpdated') return;
      const update = payload as DashboardUpdate;
      dashboardActions.update(update);
      learnTenants(update.stats.perTenant);
    },
    onError: dashboardActions.failed,
  });
}

/** The all-tenants dashboard names every tenant: the tenant picker lists them from here. */
function learnTenants(perTenant: DashboardSnapshot['stats']['perTenant']): void {
  if (perTenant) rememberTenants(perTenant.map((t) => ({ id: t.tenantId, name: t.tenantName })));
}
