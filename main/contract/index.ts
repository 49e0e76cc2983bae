import type { z } from 'zod';
import type { EventDefinition, InvokeDefinition } from './define';
import { systemEvents, systemInvokes } from '../system/contract';
import { routerEvents, routerInvokes } from '../routers/contract';
import { routerDraftTestEvents, routerDraftTestInvokes } from '../routers/draft-test-contract';
import { sessionEvents, sessionInvokes } from '../sessions/contract';
import { dashboardEvents, dashboardInvokes } from '../dashboard/contract';
import { jobsEvents, jobsInvokes } from '../jobs/contract';
import { authEvents, authInvokes } from '../auth/contract';
import { tenantEvents, tenantInvokes } from '../tenants/contract';
import { userEvents, userInvokes } from '../users/contract';
import { auditEvents, auditInvokes } from '../audit/contract';
import { backupEvents, backupInvokes } from '../backup/contract';
import { retentionInvokes } from '../retention/contract';
import { planEvents, planInvokes } from '../plans/contract';
import { provisioningEvents, provisioningInvokes } from '../provisioning/contract';
import { subscriberEvents, subscriberInvokes } from '../subscribers/contract';
import { voucherEvents, voucherInvokes } from '../vouchers/contract';
import { adoptionEvents, adoptionInvokes } from '../adoption/contract';
import { paymentEvents, paymentInvokes } from '../payments/contract';
import { subscriptionEvents, subscriptionInvokes } from '../subscriptions/contract';
import { reportInvokes } from '../reports/contract';
import { webhookEvents, webhookInvokes } from '../webhooks/contract';
import { dashboardHistoryInvokes } from '../dashboard/history-contract';
import { notificationEvents, notificationInvokes } from '../notifications/contract';
import { discoveryEvents, discoveryInvokes } from '../discovery/contract';
import { routerWatchEvents, routerWatchInvokes } from '../routers/watch-contract';

/**
 * The whole contract: every invoke and every event of every domain. Each domain declares its
 * part next to its code (`main/<domain>/contract.ts`); this file only joins them. It is
 * imported by main, preload and renderer, so domain contracts must not import Node modules.
 */
export const invokes = {
  ...systemInvokes,
  ...routerInvokes,
  ...routerDraftTestInvokes,
  ...sessionInvokes,
  ...dashboardInvokes,
  ...jobsInvokes,
  ...authInvokes,
  ...tenantInvokes,
  ...userInvokes,
  ...auditInvokes,
  ...backupInvokes,
  ...retentionInvokes,
  ...planInvokes,
  ...provisioningInvokes,
  ...subscriberInvokes,
  ...voucherInvokes,
  ...adoptionInvokes,
  ...paymentInvokes,
  ...subscriptionInvokes,
  ...reportInvokes,
  ...webhookInvokes,
  ...dashboardHistoryInvokes,
  ...notificationInvokes,
  ...discoveryInvokes,
  ...routerWatchInvokes,
} satisfies Record<string, InvokeDefinition>;

export const events = {
  ...systemEvents,
  ...routerEvents,
  ...routerDraftTestEvents,
  ...sessionEvents,
  ...dashboardEvents,
  ...jobsEvents,
  ...authEvents,
  ...tenantEvents,
  ...userEvents,
  ...auditEvents,
  ...backupEvents,
  ...planEvents,
  ...provisioningEvents,
  ...subscriberEvents,
  ...voucherEvents,
  ...adoptionEvents,
  ...paymentEvents,
  ...subscriptionEvents,
  ...webhookEvents,
  ...notificationEvents,
  ...discoveryEvents,
  ...routerWatchEvents,
} satisfies Record<string, EventDefinition>;

export type Invokes = typeof invokes;
export type InvokeName = keyof Invokes;
export type InvokeInput<N extends InvokeName> = z.input<Invokes[N]['input']>;
export type ParsedInvokeInput<N extends InvokeName> = z.output<Invokes[N]['input']>;
export type InvokeOutput<N extends InvokeName> = Invokes[N] extends InvokeDefinition<z.ZodType, infer O> ? O : never;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = Events[E] extends EventDefinition<infer P> ? P : never;

export function isInvokeName(name: string): name is InvokeName {
  return Object.hasOwn(invokes, name);
}

export * from './errors';
export type { ClientMessage, ServerMessage, EventMessage, SubscribeResult } from './protocol';
// Defined with the session; re-exported so the renderer needs nothing of main but the contract.
export type { Role } from '../auth/session';
