/** Every view of the console, in the order of the side bar; app/views.tsx maps ids to components. */
export interface NavItem {
  id: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'online-users', label: 'Online Users' },
  { id: 'pppoe-sessions', label: 'PPPoE Sessions' },
  { id: 'routers', label: 'Routers' },
  { id: 'subscribers', label: 'Subscribers' },
  { id: 'payments', label: 'Payments' },
  { id: 'jobs', label: 'Jobs' },
  { id: 'tenants', label: 'Tenants' },
  { id: 'users', label: 'Users' },
  { id: 'settings', label: 'Settings' },
  { id: 'account', label: 'My Account' },
  { id: 'status', label: 'About / Status' },
];

export const DEFAULT_VIEW = 'dashboard';
