import type { InvokeName } from '../contract';
import type { DomainHandlers as HandlersWith, InvokeHandler as HandlerWith } from '../contract/domain-handlers';
import type { CoreServices } from './services';
import { systemHandlers } from '../system/handlers';
import { routerHandlers } from '../routers/handlers';
import { routerDraftTestHandlers } from '../routers/draft-test-handlers';
import { sessionHandlers } from '../sessions/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { jobsHandlers } from '../jobs/handlers';
import { authHandlers } from '../auth/handlers';
import { tenantHandlers } from '../tenants/handlers';
import { userHandlers } from '../users/handlers';
import { auditHandlers } from '../audit/handlers';
import { backupHandlers } from '../backup/handlers';
import { retentionHandlers } from '../retention/handlers';
import { planHandlers } from '../plans/handlers';
import { provisioningHandlers } from '../provisioning/template-handlers';
import { subscriberHandlers } from '../subscribers/handlers';
import { voucherHandlers } from '../vouchers/handlers';
import { adoptionHandlers } from '../adoption/handlers';
import { paymentHandlers } from '../payments/handlers';
import { notificationHandlers } from '../notifications/handlers';
import { reportHandlers } from '../reports/handlers';
import { subscriptionHandlers } from '../subscriptions/handlers';
import { webhookHandlers } from '../webhooks/handlers';
import { discoveryHandlers } from '../discovery/handlers';
import { routerWatchHandlers } from '../routers/watch-handlers';
import { dashboardHistoryHandlers } from '../dashboard/history-handlers';

/** A handler given all of the core's services; a domain may type its handlers with fewer (contract/domain-handlers.ts). */
export type InvokeHandler<N extends InvokeName> = HandlerWith<N, CoreServices>;

export type DomainHandlers<K extends InvokeName> = HandlersWith<K, CoreServices>;

/** Every invoke of the contract mapped to its handler; a missing one is a type error. */
export const handlers: DomainHandlers<InvokeName> = {
  ...systemHandlers,
  ...routerHandlers,
  ...routerDraftTestHandlers,
  ...sessionHandlers,
  ...dashboardHandlers,
  ...jobsHandlers,
  ...authHandlers,
  ...tenantHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...retentionHandlers,
  ...planHandlers,
  ...provisioningHandlers,
  ...subscriberHandlers,
  ...voucherHandlers,
  ...adoptionHandlers,
  ...paymentHandlers,
  ...notificationHandlers,
  ...reportHandlers,
  ...subscriptionHandlers,
  ...webhookHandlers,
  ...dashboardHistoryHandlers,
  ...discoveryHandlers,
  ...routerWatchHandlers,
};
