import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext, type ScheduleDefinition } from '../jobs/define-job';
import { customerMessagePayload } from './customer-message-contract';
import { queueCustomerMessage } from './customer-messages';
import { resumeOverdueDeliveries } from './overdue-deliveries';
import { runDelivery } from './delivery-runner';
import type { NotificationServices } from './notification-services';
import { flushWindow } from './raise-staff-notification';
import { checkRouterDown } from './router-watch';

type Ctx = MainJobContext<NotificationServices>;

const id = z.number().int().positive();

/**
 * Notifications as jobs on the `notifications` queue. Payloads carry ids and facts only: phones,
 * emails and names are read from the store by the handler, secrets opened only to send.
 */
export const notificationJobs = jobSet(
  defineJob({
    name: 'notifications.customer',
    queue: 'notifications',
    runs: 'main',
    summary: 'Renders a customer message (payment received, expiry reminder, expired, reconnected) and queues one delivery per channel of its template.',
    payload: customerMessagePayload,
    handler: (payload, { services, tenantId }: Ctx) => queueCustomerMessage(services, payload, tenantId),
  }),
  defineJob({
    name: 'notifications.deliver',
    queue: 'notifications',
    runs: 'main',
    summary: 'Sends one delivery (email, SMS, WhatsApp or Telegram) once; a failure is retried with backoff by a later job of its own.',
    payload: z.object({ deliveryId: id }).strict(),
    handler: async ({ deliveryId }, { services }: Ctx) => {
      const delivery = await runDelivery(services, deliveryId);
      return delivery ? { status: delivery.status, attempts: delivery.attempts } : { status: 'unchanged' };
    },
  }),
  defineJob({
    name: 'notifications.router-down-check',
    queue: 'notifications',
    runs: 'main',
    summary: 'Tells staff that a router is down once its outage has lasted the rule’s seconds (nothing when it came back).',
    payload: z.object({ routerId: id, since: z.number().int().nonnegative() }).strict(),
    handler: async ({ routerId, since }, { services }: Ctx) => ({ told: await checkRouterDown(services, routerId, since) }),
  }),
  defineJob({
    name: 'notifications.flush-window',
    queue: 'notifications',
    runs: 'main',
    summary: 'Closes a grouping window: the router state changes in it become one staff notification.',
    payload: z.object({ groupId: id }).strict(),
    handler: async ({ groupId }, { services }: Ctx) => ({ raised: (await flushWindow(services, groupId)) !== null }),
  }),
  defineJob({
    name: 'notifications.resume-overdue',
    queue: 'notifications',
    runs: 'main',
    // The next minute's run is the retry.
    maxAttempts: 1,
    summary: 'Every minute: deliveries whose attempt is more than two minutes overdue get their job again (one lost to repeated crashes).',
    payload: z.object({}).strict(),
    handler: (_payload, { services }: Ctx) => resumeOverdueDeliveries(services),
  }),
  defineJob({
    name: 'notifications.prune',
    queue: 'notifications',
    runs: 'main',
    // Tomorrow's run is the retry.
    maxAttempts: 1,
    summary: 'Deletes staff notifications and finished deliveries older than the retention (90 days by default).',
    payload: z.object({ days: z.number().int().min(7).max(3650).default(90) }).strict(),
    handler: ({ days }, { services }: Ctx) => {
      const before = Date.now() - days * 86_400_000;
      return services.business.run(async (tx) => ({ notifications: await tx.notifications.centre.prune(before), deliveries: await tx.notifications.deliveries.prune(before) }));
    },
  }),
);

/** The centre and the delivery log keep 90 days: enough to look back on an incident, not a growing file. */
export const notificationSchedules: ScheduleDefinition[] = [
  { key: 'notifications.prune', job: 'notifications.prune', payload: {}, daily: { at: '03:41' } },
  { key: 'notifications.resume-overdue', job: 'notifications.resume-overdue', payload: {}, every: { seconds: 60 } },
];
