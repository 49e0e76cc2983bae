import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import { sweepSubscriptions } from './expiry-sweep';
import { applyAccessChange } from './subscription-access';
import { applyWaitingPayments } from './payment-application';
import type { SubscriptionServices } from './subscription-services';

type Ctx = MainJobContext<SubscriptionServices>;

const id = z.number().int().positive();

/**
 * The money path's steps, each safe to run twice (keyed by ids, guarded by what it already
 * wrote): payment → extend (payments) → routers in line and session ended (reconnection) → the
 * customer told (notifications.customer, enqueued by each step in its own transaction).
 */
export const subscriptionJobs = jobSet(
  defineJob({
    name: 'payments.apply',
    queue: 'payments',
    runs: 'main',
    summary: 'Applies the tenant’s waiting matched payments to their subscriptions: extends when the balance covers the plan, reconnects expired subscribers, tells the customers.',
    payload: z.object({ tenantId: id }).strict(),
    handler: ({ tenantId }, { services }: Ctx) => applyWaitingPayments(services, tenantId),
  }),
  defineJob({
    name: 'subscriptions.apply-access',
    queue: 'subscription-reconnection',
    runs: 'main',
    summary: 'Brings a subscriber’s routers in line after a payment or an expiry: enables, moves or disables its account and ends its live session.',
    payload: z.object({ subscriberId: id }).strict(),
    handler: ({ subscriberId }, { services }: Ctx) => applyAccessChange(services, subscriberId),
  }),
  defineJob({
    name: 'subscriptions.sweep',
    queue: 'default',
    runs: 'main',
    summary: 'Every minute: subscriptions past their time expire (or renew from the balance) and reminders before expiry go out.',
    payload: z.object({}).strict(),
    handler: (_payload, { services }: Ctx) => sweepSubscriptions(services),
  }),
);

export const subscriptionSchedules: ScheduleDefinition[] = [{ key: 'subscriptions.sweep', job: 'subscriptions.sweep', payload: {}, every: { seconds: 60 } }];
