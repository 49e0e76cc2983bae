import type { Migration } from './migration';
import { systemMigrations } from '../system/migrations';
import { routerMigrations } from '../routers/migrations';
import { tenantMigrations } from '../tenants/migrations';
import { userMigrations } from '../users/migrations';
import { authMigrations } from '../auth/migrations';
import { auditMigrations } from '../audit/migrations';
import { jobsMigrations } from '../jobs/migrations';
import { planMigrations } from '../plans/migrations';
import { subscriberMigrations } from '../subscribers/migrations';
import { voucherMigrations } from '../vouchers/migrations';
import { paymentMigrations } from '../payments/migrations';
import { notificationMigrations } from '../notifications/migrations';
import { reportMigrations } from '../reports/migrations';
import { subscriptionMigrations } from '../subscriptions/migrations';
import { webhookMigrations } from '../webhooks/migrations';
import { dashboardHistoryMigrations } from '../dashboard/history-migrations';
import { interfaceHistoryMigrations } from '../routers/history/interface-history-migrations';
import { provisioningTemplateMigrations } from '../provisioning/template-migrations';

/** Every domain's migrations, joined. A domain adds its list here with one line. */
export const allMigrations: readonly Migration[] = [...systemMigrations, ...routerMigrations, ...tenantMigrations, ...userMigrations, ...authMigrations, ...auditMigrations, ...jobsMigrations, ...planMigrations, ...subscriberMigrations, ...voucherMigrations, ...paymentMigrations, ...subscriptionMigrations, ...reportMigrations, ...webhookMigrations, ...notificationMigrations, ...dashboardHistoryMigrations, ...interfaceHistoryMigrations, ...provisioningTemplateMigrations];
