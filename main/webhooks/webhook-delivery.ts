import { randomUUID } from 'node:crypto';
import type { BusinessTx } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import { signWebhook } from '../payments/webhook-signature';
import { WEBHOOK_TEST_EVENT, type WebhookDeliverySummary } from './contract';
import type { WebhookDeliveryRecord, WebhookSubscriptionRecord } from './webhook-repository';

/**
 * Attempts per delivery and the wait between them: exponential from 30 s, capped at an hour, with
 * jitter (jobs/backoff.ts), so eight attempts span about an hour and a receiver that is down for a
 * deploy or a reboot still gets the event. A test ping is tried once: the admin is watching.
 */
export const DELIVERY_ATTEMPTS = 8;
export const TEST_ATTEMPTS = 1;
export const RETRY_BACKOFF = { baseMs: 30_000, maxMs: 3_600_000 } as const;
/** A receiver that neither answers nor fails within this fails the attempt (the broadcasts queue allows 30 s a job). */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** The delivery log keeps the newest of each subscription, and nothing older than the window. */
export const LOG_KEEP = 200;
export const LOG_WINDOW_MS = 30 * 86_400_000;

/** One event occurrence as every subscription of the tenant gets it: the body is built once. */
export interface WebhookOccurrence {
  event: string;
  eventId: string;
  /** The exact JSON sent and signed: `{ id, event, tenantId, occurredAt, data }`. */
  body: string;
}

export function occurrenceOf(event: string, eventId: string, tenantId: number, data: unknown, occurredAt: Date): WebhookOccurrence {
  return { event, eventId, body: JSON.stringify({ id: eventId, event, tenantId, occurredAt: occurredAt.toISOString(), data }) };
}

/** The job attempt `attempt` of a delivery; a unique key per attempt, since the next one is queued while this one runs. */
export const deliverJobKey = (deliveryId: number, attempt: number) => `webhooks.deliver:${deliveryId}:${attempt}`;

/**
 * Queues one delivery of an occurrence to a subscription: its log row and its first job, in the
 * caller's transaction. The same occurrence twice is one delivery (unique per subscription).
 */
export async function queueDelivery(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, subscription: WebhookSubscriptionRecord, occurrence: WebhookOccurrence, now: number): Promise<WebhookDeliverySummary> {
  const { tenantId } = subscription;
  const { delivery, created } = await tx.webhooks.insertDelivery(
    {
      tenantId,
      subscriptionId: subscription.id,
      event: occurrence.event,
      eventId: occurrence.eventId,
      key: randomUUID(),
      body: occurrence.body,
      maxAttempts: occurrence.event === WEBHOOK_TEST_EVENT ? TEST_ATTEMPTS : DELIVERY_ATTEMPTS,
    },
    now,
  );
  if (created) {
    await tx.jobs.enqueue('webhooks.deliver', { deliveryId: delivery.id }, { tenantId, uniqueKey: deliverJobKey(delivery.id, 1) });
    tx.afterCommit(() => bus.publish('WebhookDeliveryUpdated', delivery, tenantId));
  }
  return delivery;
}

/** The headers of one attempt: a fresh timestamp signed with the body, the delivery's stable key. */
export function signedHeaders(secret: string, delivery: WebhookDeliveryRecord, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'User-Agent': 'NOC-Console-Webhooks/1',
    'X-Noc-Event': delivery.event,
    'X-Noc-Delivery': delivery.key,
    'X-Noc-Timestamp': timestamp,
    'X-Noc-Signature': signWebhook(secret, timestamp, delivery.body),
  };
}
