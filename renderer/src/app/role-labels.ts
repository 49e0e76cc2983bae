import type { Role } from '../../../main/contract';

/** How a role is named wherever a person reads it. */
export const ROLE_LABEL: Record<Role, string> = { system_admin: 'System admin', tenant_admin: 'Tenant admin', operator: 'Operator', viewer: 'Viewer' };
