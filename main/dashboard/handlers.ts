import type { DomainHandlers } from '../core/handlers';
import { readScope } from '../auth/tenant-scope';
import type { dashboardInvokes } from './contract';

export const dashboardHandlers: DomainHandlers<keyof typeof dashboardInvokes> = {
  // Tenant users always get their own tenant's dashboard; system admins all tenants, or one.
  'dashboard.snapshot': ({ tenantId }, { services, session }) => services.dashboard.snapshot(readScope(session) ?? tenantId ?? null),
};
