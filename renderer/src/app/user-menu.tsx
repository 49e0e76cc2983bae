import { signOut } from '../views/account/auth-actions';
import { authSelectors, useAuthStore } from '../views/account/auth-store';
import { ROLE_LABEL } from './role-labels';

/** Who is signed in on this window, as what, and the way out: always in the top bar. */
export function UserMenu() {
  const user = useAuthStore(authSelectors.user);
  const phase = useAuthStore(authSelectors.phase);
  if (!user || (phase !== 'signed-in' && phase !== 'enrol')) return null;
  return (
    <span className="user-menu" data-testid="user-menu">
      <a href="#/account" className="user-name" data-testid="topbar-user" title={user.tenantName ? `${user.name} · ${user.tenantName}` : user.name}>
        {user.username}
      </a>
      <span className="user-role" data-testid="topbar-role">
        {ROLE_LABEL[user.role]}
        {user.tenantName ? ` · ${user.tenantName}` : ''}
      </span>
      <button type="button" className="ghost" data-testid="topbar-sign-out" onClick={() => void signOut()}>
        Sign out
      </button>
    </span>
  );
}
