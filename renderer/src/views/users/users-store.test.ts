import { beforeEach, describe, expect, it } from 'vitest';
import type { UserSummary } from '../../../../main/users/contract';
import { resetUsersStore, useUsersStore, usersActions } from './users-store';

const user = (id: number, username: string, tenantId = 3): UserSummary => ({
  id,
  tenantId,
  username,
  name: username,
  email: `${username[0]}***@example.com`,
  role: 'operator',
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  lastSignInAt: null,
  lockedUntil: null,
});

describe('users store', () => {
  beforeEach(resetUsersStore);

  it('keeps users of the shown tenant sorted, applying create, update and delete events', () => {
    usersActions.show(3);
    usersActions.snapshot([user(2, 'zed'), user(1, 'Anna')]);
    usersActions.upsert(user(3, 'bob'));
    usersActions.upsert({ ...user(2, 'zed'), role: 'viewer' });
    usersActions.upsert(user(9, 'intruder', 4));
    usersActions.remove(1);
    expect(useUsersStore.getState().users.map((u) => [u.username, u.role])).toEqual([
      ['bob', 'operator'],
      ['zed', 'viewer'],
    ]);
  });

  it('starts empty when another tenant is shown', () => {
    usersActions.show(3);
    usersActions.snapshot([user(1, 'anna')]);
    usersActions.show(4);
    expect(useUsersStore.getState()).toMatchObject({ tenantId: 4, users: [], loaded: false });
  });
});
