import type { AuthSettings } from './auth-settings';
import type { SessionRestriction, SessionUser } from './session';
import type { TwoFactorEnrolmentStore } from './two-factor-enrolment-store';

/** A tenant's own sign-in rules, set by its admins. Absent row: nothing required. */
export interface TenantSignInPolicy {
  /** The tenant's admins (tenant_admin) must use two-factor sign-in. */
  requireTwoFactorForAdmins: boolean;
}

export const DEFAULT_TENANT_POLICY: TenantSignInPolicy = { requireTwoFactorForAdmins: false };

type PolicyReader = Pick<TwoFactorEnrolmentStore, 'tenantPolicy'>;

/**
 * Whether a user must use two-factor sign-in: system admins when the system setting says so,
 * tenant admins when their tenant's policy says so. Operators and viewers may choose it.
 */
export async function twoFactorRequired(store: PolicyReader, user: Pick<SessionUser, 'role' | 'tenantId'>, settings: AuthSettings): Promise<boolean> {
  if (user.role === 'system_admin') return settings.requireTwoFactorForSystemAdmins;
  if (user.role === 'tenant_admin' && user.tenantId !== null) return (await store.tenantPolicy(user.tenantId)).requireTwoFactorForAdmins;
  return false;
}

/** Set on a session with its user: an admin who must have two-factor sign-in and has not enrolled may only enrol. */
export async function enrolmentRestriction(
  store: Pick<TwoFactorEnrolmentStore, 'tenantPolicy' | 'isEnrolled'>,
  user: SessionUser,
  settings: AuthSettings,
): Promise<SessionRestriction | undefined> {
  return (await twoFactorRequired(store, user, settings)) && !(await store.isEnrolled(user.id)) ? 'two_factor_enrolment' : undefined;
}
