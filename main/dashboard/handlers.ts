import { readScope } from '../auth/tenant-scope';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { dashboardInvokes } from './contract';
import type { DashboardServices } from './dashboard-services';

export const dashboardHandlers: DomainHandlers<keyof typeof dashboardInvokes, DashboardServices> = {
  // Tenant users always get their own tenant's dashboard; system admins all tenants, or one.
  'dashboard.snapshot': ({ tenantId }, { services, session }) => services.dashboard.snapshot(readScope(session) ?? tenantId ?? null),
};
