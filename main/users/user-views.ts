import { maskEmail } from '../events/mask';
import type { UserSummary } from './contract';
import type { UserRecord } from './user-repository';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** The full view of a user, for an authorized invoke (`users.get`). */
export function userDetail(u: UserRecord): UserSummary {
  return {
    id: u.id,
    tenantId: u.tenantId,
    name: u.name,
    username: u.username,
    email: u.email,
    role: u.role,
    disabled: u.disabled,
    createdAt: iso(u.createdAt)!,
    updatedAt: iso(u.updatedAt)!,
    lastSignInAt: iso(u.lastSignInAt),
    lockedUntil: u.lockedUntil !== null && u.lockedUntil > Date.now() ? iso(u.lockedUntil) : null,
  };
}

/** The view lists and events carry: personal data masked. */
export function userSummary(u: UserRecord): UserSummary {
  return { ...userDetail(u), email: maskEmail(u.email) ?? '' };
}
