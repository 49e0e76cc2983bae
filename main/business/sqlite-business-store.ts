import type { AuditLog } from '../audit/audit-log';
import { sqliteAuditStore } from '../audit/sqlite-audit-store';
import type { JobEngine } from '../jobs/job-engine';
import { SqliteLedgerRepository } from '../payments/sqlite-ledger-repository';
import { sqliteNotificationRepositories } from '../notifications/sqlite-notification-repositories';
import { SqlitePaymentRepository } from '../payments/sqlite-payment-repository';
import { SqlitePaymentSettingsRepository } from '../payments/sqlite-payment-settings-repository';
import { SqlitePlanRepository } from '../plans/sqlite-plan-repository';
import { SqliteReportRepository } from '../reports/sqlite-report-repository';
import { SqliteProvisioningRepository } from '../provisioning/sqlite-provisioning-repository';
import type { RouterStore } from '../routers/router-store';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import { SqliteUnitOfWork } from '../store/sqlite-unit-of-work';
import { SqliteSubscriberRepository } from '../subscribers/sqlite-subscriber-repository';
import { SqliteSubscriptionSettingsRepository } from '../subscriptions/sqlite-subscription-settings-repository';
import { sqliteSettingsStore } from '../system/sqlite-settings-store';
import type { TenantRepository } from '../tenants/tenant-repository';
import { readTenantSettings } from '../tenants/tenant-settings';
import { SqliteVoucherRepository } from '../vouchers/sqlite-voucher-repository';
import { SqliteWebhookRepository } from '../webhooks/sqlite-webhook-repository';
import type { BusinessStore, BusinessTx, JobQueue, TenantDirectory } from './business-tx';
import { SqliteLoginNames } from './sqlite-login-names';
import { SqliteHistoryRepository } from '../dashboard/sqlite-history-repository';
import { SqliteInterfaceHistoryRepository } from '../routers/history/sqlite-interface-history-repository';
import { SqliteRunRepository } from '../provisioning/sqlite-run-repository';
import { SqliteTemplateRepository } from '../provisioning/sqlite-template-repository';

export interface SqliteBusinessDeps {
  db: Db;
  secrets: SecretBox;
  jobs: JobEngine;
  tenants: TenantRepository;
  /** The routers (the accounts' store): which tenant a router is of, its name. */
  routers: RouterStore;
  audit: AuditLog;
}

/**
 * The business domains' store on the console's SQLite file. Repositories are built once (their
 * statements run on the one connection); each unit of work gets them with its own hooks.
 */
export function sqliteBusinessStore(deps: SqliteBusinessDeps): BusinessStore {
  const { db } = deps;
  const tenantSettings = sqliteSettingsStore(db);
  const tenants: TenantDirectory = {
    settings: async (tenantId) => readTenantSettings(tenantSettings, deps.tenants.require(tenantId)),
    foreignRouters: async (tenantId, routerIds) => {
      const found = await Promise.all(routerIds.map((id) => deps.routers.get(tenantId, id)));
      return routerIds.filter((_, i) => found[i] === null);
    },
    routerName: async (routerId) => (await deps.routers.get(null, routerId))?.name ?? null,
    router: async (routerId) => {
      const r = await deps.routers.get(null, routerId);
      return r ? { id: r.id, tenantId: r.tenantId, name: r.name, tls: r.tls } : null;
    },
  };
  // The engine's enqueue joins the open transaction (better-sqlite3 nests it as a savepoint).
  const jobs: JobQueue = { enqueue: async (name, payload, options) => deps.jobs.enqueue(name, payload, options) };
  const repositories = {
    plans: new SqlitePlanRepository(db),
    subscribers: new SqliteSubscriberRepository(db, deps.secrets),
    vouchers: new SqliteVoucherRepository(db, deps.secrets),
    provisioning: new SqliteProvisioningRepository(db),
    loginNames: new SqliteLoginNames(db),
    payments: new SqlitePaymentRepository(db),
    ledger: new SqliteLedgerRepository(db),
    paymentSettings: new SqlitePaymentSettingsRepository(db, deps.secrets),
    notifications: sqliteNotificationRepositories(db, deps.secrets),
    reports: new SqliteReportRepository(db),
    webhooks: new SqliteWebhookRepository(db, deps.secrets),
    subscriptionSettings: new SqliteSubscriptionSettingsRepository(db),
    dashboardHistory: new SqliteHistoryRepository(db),
    interfaceHistory: new SqliteInterfaceHistoryRepository(db),
    provisioningTemplates: new SqliteTemplateRepository(db),
    provisioningRuns: new SqliteRunRepository(db),
    tenants,
    jobs,
  };
  return new SqliteUnitOfWork<BusinessTx>(db, (_db, hooks) => ({
    ...repositories,
    afterCommit: hooks.afterCommit,
    audit: sqliteAuditStore(deps.audit, hooks),
  }));
}
