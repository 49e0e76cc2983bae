import { readScope } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { DashboardServices } from './dashboard-services';
import { RANGE_MS, RANGE_RESOLUTION, type dashboardHistoryInvokes } from './history-contract';

export const dashboardHistoryHandlers: DomainHandlers<keyof typeof dashboardHistoryInvokes, DashboardServices> = {
  // Tenant users read their own tenant's history whatever they ask; system admins all tenants, one, or one router.
  'dashboard.history': ({ range, tenantId, routerId }, { services, session }) =>
    services.business.read(async (tx) => {
      const tenant = readScope(session) ?? tenantId ?? null;
      if (routerId !== undefined && tenant !== null && (await tx.tenants.foreignRouters(tenant, [routerId])).length > 0) {
        throw new DomainError('not_found', `router ${routerId} is not one of this tenant’s routers: choose one from Routers`);
      }
      const now = Date.now();
      const resolution = RANGE_RESOLUTION[range];
      const points = await tx.dashboardHistory.points(resolution, { tenantId: tenant, routerId: routerId ?? null }, now - RANGE_MS[range], now + 1);
      return { range, resolution, points };
    }),
};
