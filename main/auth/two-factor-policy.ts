import type { Db } from '../store/database';
import type { AuthSettings } from './auth-settings';
import type { SessionUser } from './session';

/** A tenant's own sign-in rules, set by its admins. Absent row: nothing required. */
export interface TenantSignInPolicy {
  /** The tenant's admins (tenant_admin) must use two-factor sign-in. */
  requireTwoFactorForAdmins: boolean;
}

const DEFAULT_POLICY: TenantSignInPolicy = { requireTwoFactorForAdmins: false };

export function readTenantPolicy(db: Db, tenantId: number): TenantSignInPolicy {
  const row = db
    .prepare<[number], { require_two_factor_admins: number }>('SELECT require_two_factor_admins FROM tenant_sign_in_policy WHERE tenant_id = ?')
    .get(tenantId);
  return row ? { requireTwoFactorForAdmins: row.require_two_factor_admins === 1 } : DEFAULT_POLICY;
}

export function writeTenantPolicy(db: Db, tenantId: number, policy: TenantSignInPolicy, now: number): void {
  db.prepare(
    `INSERT INTO tenant_sign_in_policy (tenant_id, require_two_factor_admins, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (tenant_id) DO UPDATE SET require_two_factor_admins = excluded.require_two_factor_admins, updated_at = excluded.updated_at`,
  ).run(tenantId, policy.requireTwoFactorForAdmins ? 1 : 0, now);
}

/**
 * Whether a user must use two-factor sign-in: system admins when the system setting says so,
 * tenant admins when their tenant's policy says so. Operators and viewers may choose it.
 */
export function twoFactorRequired(db: Db, user: Pick<SessionUser, 'role' | 'tenantId'>, settings: AuthSettings): boolean {
  if (user.role === 'system_admin') return settings.requireTwoFactorForSystemAdmins;
  if (user.role === 'tenant_admin' && user.tenantId !== null) return readTenantPolicy(db, user.tenantId).requireTwoFactorForAdmins;
  return false;
}
