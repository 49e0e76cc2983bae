import type { ComponentType } from 'react';
import { StatusView } from '../views/status/status-view';
import { DashboardView } from '../views/dashboard/dashboard-view';
import { OnlineUsersView } from '../views/online-users/online-users-view';
import { PppoeSessionsView } from '../views/pppoe-sessions/pppoe-sessions-view';
import { RoutersView } from '../views/routers/routers-view';
import { TenantsView } from '../views/tenants/tenants-view';
import { UsersView } from '../views/users/users-view';
import { AccountView } from '../views/account/account-view';
import { JobsView } from '../views/jobs/jobs-view';
import { SettingsView } from '../views/settings/settings-view';
import { PlansView } from '../views/plans/plans-view';
import { SubscribersView } from '../views/subscribers/subscribers-view';
import { VouchersView } from '../views/vouchers/vouchers-view';
import { PaymentsView } from '../views/payments/payments-view';
import { ReportsView } from '../views/reports/reports-view';
import { DiscoveryView } from '../views/discovery/discovery-view';
import { ProvisioningView } from '../views/provisioning/provisioning-view';

/** View id (see navigation.ts) → component. A view that lands adds its line here. */
export const VIEWS: Readonly<Record<string, ComponentType>> = {
  status: StatusView,
  dashboard: DashboardView,
  'online-users': OnlineUsersView,
  'pppoe-sessions': PppoeSessionsView,
  routers: RoutersView,
  discovery: DiscoveryView,
  provisioning: ProvisioningView,
  subscribers: SubscribersView,
  plans: PlansView,
  vouchers: VouchersView,
  payments: PaymentsView,
  reports: ReportsView,
  tenants: TenantsView,
  users: UsersView,
  account: AccountView,
  jobs: JobsView,
  settings: SettingsView,
};
