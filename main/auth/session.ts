export type Role = 'system_admin' | 'tenant_admin' | 'operator' | 'viewer';

/** The signed-in user behind a session, as the permission checks see it. */
export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  /** null only for system admins. */
  tenantId: number | null;
}

/**
 * A signed-in session that may do only one thing until it is done: `two_factor_enrolment` is an
 * admin whose tenant (or the system) requires two-factor sign-in and who has not enrolled yet.
 */
export type SessionRestriction = 'two_factor_enrolment';

/** One per window (desktop) or per connection (headless). */
export interface Session {
  readonly id: string;
  user: SessionUser | null;
  /** Set with the user by the auth service; absent for an unrestricted session. */
  restriction?: SessionRestriction;
}
