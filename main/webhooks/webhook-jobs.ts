import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import { attemptDelivery } from './webhook-attempt';
import type { WebhookServices } from './webhook-services';

/**
 * One attempt of one webhook delivery, on the `broadcasts` queue. The payload is the delivery's id
 * only: its body (masked data) and signing secret stay in the store.
 */
export const webhookJobs = jobSet(
  defineJob({
    name: 'webhooks.deliver',
    queue: 'broadcasts',
    runs: 'main',
    summary: 'Posts one signed event webhook delivery to a tenant’s receiver and records the outcome (a failure queues the next attempt, or pauses the subscription).',
    payload: z.object({ deliveryId: z.number().int().positive() }).strict(),
    handler: ({ deliveryId }, { services, signal }: MainJobContext<WebhookServices>) => attemptDelivery(services, deliveryId, signal),
  }),
);
