import type { Role } from '../../../main/contract';

/** Every view of the console, in the order of the side bar; app/views.tsx maps ids to components. */
export interface NavItem {
  id: string;
  label: string;
  /**
   * Who sees the entry: `public` shows before sign-in too; otherwise the roles whose invokes the
   * view needs (main/auth/permissions.ts decides those invokes; this mirrors it for the side bar).
   */
  roles: 'public' | readonly Role[];
  /** The entry's test id when it is not `nav-{id}`. */
  testId?: string;
}

const EVERYONE: readonly Role[] = ['system_admin', 'tenant_admin', 'operator', 'viewer'];
const ADMINS: readonly Role[] = ['system_admin', 'tenant_admin'];

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', label: 'Dashboard', roles: EVERYONE },
  { id: 'online-users', label: 'Online Users', roles: EVERYONE },
  { id: 'pppoe-sessions', label: 'PPPoE Sessions', roles: EVERYONE },
  { id: 'routers', label: 'Routers', roles: EVERYONE },
  // discovery.* (finding routers to add): operators and admins.
  { id: 'discovery', label: 'Discovery', roles: ['system_admin', 'tenant_admin', 'operator'] },
  // provisioning.templates / runs are open to every signed-in user; editing (admins) and plan/apply (operators too) are per role inside the view.
  { id: 'provisioning', label: 'Provisioning', roles: EVERYONE },
  { id: 'subscribers', label: 'Subscribers', roles: EVERYONE },
  // plans.list and vouchers.batches are open to every signed-in user; writes are per role inside the views.
  { id: 'plans', label: 'Plans', roles: EVERYONE },
  { id: 'vouchers', label: 'Vouchers', roles: EVERYONE },
  { id: 'payments', label: 'Payments', roles: EVERYONE },
  // reports.* are open to every signed-in user (totals; staff logins masked for viewers).
  { id: 'reports', label: 'Reports', roles: EVERYONE },
  // jobs.list is open to every signed-in user (their tenant's jobs); what they may do to a job is per role.
  { id: 'jobs', label: 'Jobs', roles: EVERYONE },
  // tenants.list and tenants.register
  { id: 'tenants', label: 'Tenants', roles: ['system_admin'] },
  // users.* and audit.list
  { id: 'users', label: 'Users', roles: ADMINS },
  // Appearance is everyone's; the other sections are per role (settings-sections.ts).
  { id: 'settings', label: 'Settings', roles: EVERYONE },
  { id: 'account', label: 'My Account', roles: EVERYONE },
  { id: 'status', label: 'About / Status', roles: 'public' },
];

export const DEFAULT_VIEW = 'dashboard';

/** What the side bar offers: signed out, sign-in and the public views; signed in, what the role may use. */
export function navItemsFor(role: Role | null): NavItem[] {
  // Any gated view shows the sign-in screen; the default one is where a person lands after it.
  if (role === null) return [{ id: DEFAULT_VIEW, label: 'Sign in', roles: 'public', testId: 'nav-sign-in' }, ...NAV_ITEMS.filter((i) => i.roles === 'public')];
  return NAV_ITEMS.filter((i) => i.roles === 'public' || i.roles.includes(role));
}

/** Views anyone connected may open, signed in or not. */
export const isPublicView = (viewId: string): boolean => NAV_ITEMS.some((i) => i.id === viewId && i.roles === 'public');

/** Whether a role may open a view at all (a link or a typed URL to another shows why not). */
export function mayOpen(viewId: string, role: Role): boolean {
  const item = NAV_ITEMS.find((i) => i.id === viewId);
  return item !== undefined && (item.roles === 'public' || item.roles.includes(role));
}
