import type { ComponentType } from 'react';
import { StatusView } from '../views/status/status-view';
import { TenantsView } from '../views/tenants/tenants-view';
import { UsersView } from '../views/users/users-view';
import { AccountView } from '../views/account/account-view';

/** View id (see navigation.ts) → component. A view that lands adds its line here. */
export const VIEWS: Readonly<Record<string, ComponentType>> = {
  status: StatusView,
  tenants: TenantsView,
  users: UsersView,
  account: AccountView,
};
