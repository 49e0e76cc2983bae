export type Role = 'system_admin' | 'tenant_admin' | 'operator' | 'viewer';

/** The signed-in user behind a session, as the permission checks see it. */
export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  /** null only for system admins. */
  tenantId: number | null;
}

/** One per window (desktop) or per connection (headless). */
export interface Session {
  readonly id: string;
  user: SessionUser | null;
}
