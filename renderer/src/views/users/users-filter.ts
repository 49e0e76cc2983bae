import type { Role } from '../../../../main/contract';
import type { UserSummary } from '../../../../main/users/contract';
import { hashParam, hashWithParams } from '../../stores/hash-params';

/** What the users table is narrowed to: words in the username, name or email, and one role ('' for all). */
export interface UsersFilter {
  text: string;
  role: Role | '';
}

/** A tenant's users have these roles; anything else in a link is no filter. */
const ROLES: readonly Role[] = ['tenant_admin', 'operator', 'viewer'];

/** Kept in the hash (`#/users?q=ann&role=operator`) so a reload or a shared link lists the same users. */
export function usersFilterFromHash(hash: string): UsersFilter {
  const role = hashParam(hash, 'role');
  return { text: hashParam(hash, 'q') ?? '', role: ROLES.find((r) => r === role) ?? '' };
}

export const hashWithUsersFilter = (hash: string, filter: UsersFilter): string => hashWithParams(hash, { q: filter.text.trim(), role: filter.role });

/** The users whose username, name or (masked, as shown) email hold the text, any case, with the role chosen. */
export function filterUsers(users: readonly UserSummary[], filter: UsersFilter): readonly UserSummary[] {
  const needle = filter.text.trim().toLowerCase();
  if (needle === '' && filter.role === '') return users;
  return users.filter((u) => (filter.role === '' || u.role === filter.role) && [u.username, u.name, u.email].some((v) => v.toLowerCase().includes(needle)));
}
