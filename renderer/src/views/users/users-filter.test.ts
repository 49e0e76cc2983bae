import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../../main/users/contract';
import { filterUsers, hashWithUsersFilter, usersFilterFromHash } from './users-filter';

const user = (id: number, username: string, name: string, role: UserSummary['role']): UserSummary => ({
  id, tenantId: 1, name, username, email: `${username[0]}***@example.net`, role, disabled: false, createdAt: '', updatedAt: '', lastSignInAt: null, lockedUntil: null,
});
const users = [user(1, 'alpha-admin', 'Ann Admin', 'tenant_admin'), user(2, 'alpha-operator', 'Otto Ops', 'operator'), user(3, 'night-desk', 'Nia Night', 'operator')];

describe('filterUsers', () => {
  it('keeps every user without a filter, the same list', () => {
    expect(filterUsers(users, { text: '', role: '' })).toBe(users);
  });
  it('matches the username, name or shown email, any case, with the role chosen', () => {
    expect(filterUsers(users, { text: 'OTTO', role: '' }).map((u) => u.id)).toEqual([2]);
    expect(filterUsers(users, { text: 'n***@', role: '' }).map((u) => u.id)).toEqual([3]);
    expect(filterUsers(users, { text: '', role: 'operator' }).map((u) => u.id)).toEqual([2, 3]);
    expect(filterUsers(users, { text: 'alpha', role: 'operator' }).map((u) => u.id)).toEqual([2]);
  });
});

describe('the users filter in the URL hash', () => {
  it('reads what it wrote, beside the view and the tenant', () => {
    const hash = hashWithUsersFilter('#/users?tenant=3', { text: 'ann ', role: 'viewer' });
    expect(hash).toBe('#/users?tenant=3&q=ann&role=viewer');
    expect(usersFilterFromHash(hash)).toEqual({ text: 'ann', role: 'viewer' });
    expect(hashWithUsersFilter(hash, { text: '', role: '' })).toBe('#/users?tenant=3');
  });
  it('ignores a role that is not a tenant role', () => {
    expect(usersFilterFromHash('#/users?role=root')).toEqual({ text: '', role: '' });
  });
});
