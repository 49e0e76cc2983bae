import type { LedgerRepository } from '../payments/ledger-repository';
import type { NotificationRepositories } from '../notifications/notification-repository';
import type { PaymentRepository } from '../payments/payment-repository';
import type { PaymentSettingsRepository } from '../payments/payment-settings-repository';
import type { ReportRepository } from '../reports/report-repository';
import type { PlanRepository } from '../plans/plan-repository';
import type { ProvisioningRepository } from '../provisioning/provisioning-repository';
import type { SubscriberRepository } from '../subscribers/subscriber-repository';
import type { SubscriptionSettingsRepository } from '../subscriptions/subscription-settings-repository';
import type { TenantSettings } from '../tenants/tenant-settings-contract';
import type { TransactionHooks, UnitOfWork } from '../store/unit-of-work';
import type { AuditTrail } from '../audit/audit-store';
import type { JobQueue } from '../jobs/job-queue';
import type { VoucherRepository } from '../vouchers/voucher-repository';
import type { WebhookRepository } from '../webhooks/webhook-repository';
import type { LoginNameRepository } from './login-name-repository';
import type { HistoryRepository } from '../dashboard/history-repository';
import type { InterfaceHistoryRepository } from '../routers/history/interface-history-repository';
import type { RouterTlsMode } from '../routers/contract';
import type { RunRepository } from '../provisioning/run-repository';
import type { TemplateRepository } from '../provisioning/template-repository';

export type { AuditTrail } from '../audit/audit-store';
export type { JobQueue } from '../jobs/job-queue';

/** What the business domains read of the older ones (tenants, routers), as Promises too. */
export interface TenantDirectory {
  /** Refused with `not_found` when the tenant does not exist. */
  settings(tenantId: number): Promise<TenantSettings>;
  /** The ids among `routerIds` that are not the tenant's routers (empty: all are). */
  foreignRouters(tenantId: number, routerIds: readonly number[]): Promise<number[]>;
  routerName(routerId: number): Promise<string | null>;
  /** A router's owner, name and how the console reaches it (any tenant's: callers scope it). */
  router(routerId: number): Promise<{ id: number; tenantId: number; name: string; tls: RouterTlsMode } | null>;
}

/**
 * One transaction of the business domains (plans, subscribers, vouchers, their provisioning):
 * the repositories they write through, the job queue, and after-commit hooks for events.
 */
export interface BusinessTx extends TransactionHooks {
  plans: PlanRepository;
  subscribers: SubscriberRepository;
  vouchers: VoucherRepository;
  provisioning: ProvisioningRepository;
  loginNames: LoginNameRepository;
  payments: PaymentRepository;
  ledger: LedgerRepository;
  paymentSettings: PaymentSettingsRepository;
  notifications: NotificationRepositories;
  reports: ReportRepository;
  webhooks: WebhookRepository;
  subscriptionSettings: SubscriptionSettingsRepository;
  dashboardHistory: HistoryRepository;
  interfaceHistory: InterfaceHistoryRepository;
  provisioningTemplates: TemplateRepository;
  provisioningRuns: RunRepository;
  tenants: TenantDirectory;
  jobs: JobQueue;
  audit: AuditTrail;
}

export type BusinessStore = UnitOfWork<BusinessTx>;
