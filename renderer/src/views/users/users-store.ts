import { create } from 'zustand';
import type { UserSummary } from '../../../../main/users/contract';

export interface UsersState {
  /** The tenant these users belong to (null: none shown yet). */
  tenantId: number | null;
  /** Sorted by username. Emails are masked, as in events; the edit form fetches the full one. */
  users: readonly UserSummary[];
  loaded: boolean;
  error: string | null;
  /** The last command's outcome ("queued as job #12") or refusal, shown above the list. */
  notice: { kind: 'accepted' | 'error'; text: string } | null;
}

export const initialUsersState: UsersState = { tenantId: null, users: [], loaded: false, error: null, notice: null };

/** The Users view: one `users.list`, then UserCreated/Updated/Deleted on `tenant.{id}.users`. Pure (no bridge). */
export const useUsersStore = create<UsersState>(() => initialUsersState);

export const usersSelectors = {
  users: (s: UsersState) => s.users,
  loaded: (s: UsersState) => s.loaded,
  error: (s: UsersState) => s.error,
  notice: (s: UsersState) => s.notice,
};

const byUsername = (a: UserSummary, b: UserSummary) => a.username.localeCompare(b.username, undefined, { sensitivity: 'base' });

export const usersActions = {
  /** Starts showing a tenant: clears what another tenant left. */
  show(tenantId: number): void {
    useUsersStore.setState({ ...initialUsersState, tenantId });
  },
  snapshot(users: readonly UserSummary[]): void {
    useUsersStore.setState({ users: [...users].sort(byUsername), loaded: true, error: null });
  },
  /** UserCreated / UserUpdated: adds or replaces; a user of another tenant is ignored. */
  upsert(user: UserSummary): void {
    useUsersStore.setState((s) => (user.tenantId !== s.tenantId ? {} : { users: [...s.users.filter((u) => u.id !== user.id), user].sort(byUsername) }));
  },
  remove(id: number): void {
    useUsersStore.setState((s) => ({ users: s.users.filter((u) => u.id !== id) }));
  },
  failed(error: string): void {
    useUsersStore.setState({ error });
  },
  notify(notice: UsersState['notice']): void {
    useUsersStore.setState({ notice });
  },
};

export function resetUsersStore(): void {
  useUsersStore.setState(initialUsersState, true);
}
