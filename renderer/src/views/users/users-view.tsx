import '../../styles/accounts.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { UserSummary } from '../../../../main/users/contract';
import { api } from '../../bridge/api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNow } from '../../components/use-now';
import { TenantPicker } from '../../components/tenant-picker';
import { ViewGate } from '../../components/view-gate';
import { rememberTenants } from '../../stores/tenant-scope-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { AuditPanel } from '../audit/audit-panel';
import { useFormat } from '../../format/use-format';
import { ExportCsvButton } from '../../components/export-csv-button';
import { useSlashFocus } from '../../components/use-slash-focus';
import { TENANT_ROLES, UserForm, type UserFormValues } from './user-form';
import { filterUsers, hashWithUsersFilter, usersFilterFromHash, type UsersFilter } from './users-filter';
import { attachUsers, userCommands } from './users-live';
import { usersSelectors, useUsersStore } from './users-store';

const NEW_USER: UserFormValues = { name: '', username: '', email: '', password: '', role: 'operator' };

/** Users of a tenant (its admins; system admins choose the tenant), live from user events. */
export function UsersView() {
  const scope = useViewTenant();
  const isAdmin = scope.user?.role === 'system_admin' || scope.user?.role === 'tenant_admin';
  useEffect(() => {
    if (!scope.isSystemAdmin) return;
    void api.invoke('tenants.list', {}).then((r) => r.ok && rememberTenants(r.data.tenants));
  }, [scope.isSystemAdmin]);
  if (!isAdmin) return <p className="muted">Only admins manage users.</p>;
  return (
    <section className="panel" aria-labelledby="users-title">
      <div className="toolbar">
        <h1 id="users-title">Users</h1>
        <span className="spacer" />
        {scope.isSystemAdmin && <TenantPicker />}
      </div>
      <ViewGate scope={scope} what="users">
        <UserList tenantId={scope.tenantId!} selfId={scope.user!.id} />
      </ViewGate>
    </section>
  );
}

function UserList({ tenantId, selfId }: { tenantId: number; selfId: number }) {
  // Lockouts end on their own: a minute's clock hides a badge whose time has passed.
  const now = useNow(60_000);
  const format = useFormat();
  const lockedUntil = (u: UserSummary) => (u.lockedUntil !== null && Date.parse(u.lockedUntil) > now ? u.lockedUntil : null);
  const allUsers = useUsersStore(usersSelectors.users);
  // The filter starts from the URL and is written back to it (replaced, so typing does not fill Back).
  const [filter, setFilter] = useState<UsersFilter>(() => usersFilterFromHash(window.location.hash));
  const users = useMemo(() => filterUsers(allUsers, filter), [allUsers, filter]);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  useEffect(() => {
    const next = hashWithUsersFilter(window.location.hash, filter);
    if (next !== window.location.hash) history.replaceState(history.state, '', next);
  }, [filter]);
  const loaded = useUsersStore(usersSelectors.loaded);
  const error = useUsersStore(usersSelectors.error);
  const notice = useUsersStore(usersSelectors.notice);
  const [editing, setEditing] = useState<{ user: UserSummary; values: UserFormValues } | null>(null);
  const [deleting, setDeleting] = useState<UserSummary | null>(null);
  useEffect(() => attachUsers(tenantId), [tenantId]);
  const createInitial = useMemo(() => NEW_USER, []);

  const edit = (user: UserSummary) => {
    void userCommands.get(user.id).then((r) => {
      const full = r.ok ? r.data : user;
      setEditing({ user, values: { name: full.name, username: full.username, email: full.email, password: '', role: full.role } });
    });
  };

  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className={notice.kind === 'accepted' ? 'accepted' : 'error'} role="status" data-testid="users-notice">
          {notice.text}
        </p>
      )}
      {!loaded ? (
        <p className="muted">Loading users…</p>
      ) : (
        <>
          <div className="toolbar">
            <label className="field-inline" htmlFor="users-filter-role">
              Role
              <select id="users-filter-role" value={filter.role} onChange={(e) => setFilter((f) => ({ ...f, role: e.target.value as UsersFilter['role'] }))} data-testid="users-filter-role">
                <option value="">All roles</option>
                {TENANT_ROLES.map((r) => (
                  <option key={r.role} value={r.role}>
                    {r.role.replace('_', ' ')}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-inline" htmlFor="users-filter-text">
              Search
              <input
                ref={searchRef}
                id="users-filter-text"
                type="search"
                aria-keyshortcuts="/"
                placeholder="username, name, email…"
                value={filter.text}
                onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
                data-testid="users-filter-text"
              />
            </label>
            <span className="counts" role="status">
              <strong data-testid="users-shown">{users.length}</strong> of {allUsers.length}
            </span>
            <span className="spacer" />
            <ExportCsvButton
              fileName="users"
              columns={[
                { header: 'Username', text: (u) => u.username },
                { header: 'Name', text: (u) => u.name },
                { header: 'Email', text: (u) => u.email },
                { header: 'Role', text: (u) => u.role.replace('_', ' ') },
                { header: 'Disabled', text: (u) => (u.disabled ? 'yes' : 'no') },
                { header: 'Locked until', text: (u) => (lockedUntil(u) ? format.dateTime(lockedUntil(u)) : '') },
                { header: 'Last sign-in', text: (u) => (u.lastSignInAt ? format.dateTime(u.lastSignInAt) : '') },
              ]}
              rows={users}
              testId="users-export"
            />
          </div>
          <table className="accounts-table" data-testid="users-table">
            <thead>
              <tr>
                <th>Username</th>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Last sign-in</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.disabled ? 'is-disabled' : undefined} data-testid={`user-row-${u.username}`}>
                  <td>
                    {u.username}
                    {u.disabled && ' (disabled)'}
                    {lockedUntil(u) && (
                      <span className="badge badge-warn" title="Too many failed sign-ins" data-testid={`user-locked-${u.username}`}>
                        locked until {format.time(lockedUntil(u))}
                      </span>
                    )}
                  </td>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{u.role.replace('_', ' ')}</td>
                  <td>{format.dateTime(u.lastSignInAt)}</td>
                  <td className="actions">
                    <button type="button" onClick={() => edit(u)} data-testid={`user-edit-${u.username}`}>
                      Edit
                    </button>
                    {u.id !== selfId && (
                      <>
                        <button type="button" onClick={() => void userCommands.setDisabled(u.id, !u.disabled, u.username)} data-testid={`user-toggle-${u.username}`}>
                          {u.disabled ? 'Enable' : 'Disable'}
                        </button>
                        {lockedUntil(u) && (
                          <button
                            type="button"
                            title="Lets the user sign in again now instead of when the lockout ends"
                            onClick={() => void userCommands.unlock(u.id, u.username)}
                            data-testid={`user-unlock-${u.username}`}
                          >
                            Unlock
                          </button>
                        )}
                        <button type="button" className="danger" onClick={() => setDeleting(u)} data-testid={`user-delete-${u.username}`}>
                          Delete
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {editing && (
        <div className="accounts-section">
          <h2>Edit {editing.user.username}</h2>
          <UserForm
            mode="edit"
            initial={editing.values}
            testId="user-edit-form"
            onDone={() => setEditing(null)}
            submit={(v) => {
              const before = editing.values;
              return userCommands.update(
                {
                  id: editing.user.id,
                  ...(v.name !== before.name ? { name: v.name } : {}),
                  ...(v.email !== before.email ? { email: v.email } : {}),
                  ...(v.role !== before.role ? { role: v.role } : {}),
                  ...(v.password !== '' ? { password: v.password } : {}),
                },
                editing.user.username,
              );
            }}
          />
        </div>
      )}
      <div className="accounts-section">
        <h2>Add a user</h2>
        <UserForm mode="create" initial={createInitial} testId="user-create-form" submit={(v) => userCommands.create({ ...v, tenantId })} />
      </div>
      <AuditPanel tenantId={tenantId} />
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.username}?`}
          confirmLabel="Delete"
          danger
          testId="user-delete-dialog"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const user = deleting;
            setDeleting(null);
            void userCommands.remove(user.id, user.username);
          }}
        >
          Their sessions end at once and they can no longer sign in. This cannot be undone.
        </ConfirmDialog>
      )}
    </>
  );
}
