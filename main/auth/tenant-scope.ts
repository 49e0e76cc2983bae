import { DomainError } from '../contract/errors';
import type { Session, SessionUser } from './session';

function signedIn(session: Session): SessionUser {
  if (!session.user) throw new DomainError('unauthenticated', 'sign in first');
  return session.user;
}

/** The tenant a read is limited to: the user's own, or null (all tenants) for system admins. */
export function readScope(session: Session): number | null {
  const user = signedIn(session);
  return user.role === 'system_admin' ? null : user.tenantId;
}

/**
 * The tenant a write goes to. Tenant users always write to their own tenant, whatever a payload
 * claims; system admins must say which tenant.
 */
export function writeTenant(session: Session, requested: number | undefined): number {
  const user = signedIn(session);
  if (user.role === 'system_admin') {
    if (requested === undefined) throw new DomainError('invalid_input', 'choose the tenant this belongs to', { fields: { tenantId: 'required for system admins' } });
    return requested;
  }
  if (user.tenantId === null) throw new DomainError('forbidden', 'your account belongs to no tenant');
  if (requested !== undefined && requested !== user.tenantId) {
    throw new DomainError('forbidden', 'you can only act within your own tenant');
  }
  return user.tenantId;
}
