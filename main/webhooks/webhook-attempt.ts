import type { BusinessTx } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import { maskEmailsIn } from '../events/mask';
import { backoffDelay } from '../jobs/backoff';
import { postJson, type PostOutcome } from '../outbound/post-json';
import { raiseStaffNotification } from '../notifications/raise-staff-notification';
import { webhookPaused } from '../notifications/staff-notices';
import { WEBHOOK_TEST_EVENT, type WebhookDeliveryStatus } from './contract';
import { DELIVERY_TIMEOUT_MS, deliverJobKey, LOG_KEEP, LOG_WINDOW_MS, RETRY_BACKOFF, signedHeaders } from './webhook-delivery';
import type { WebhookDeliveryRecord } from './webhook-repository';
import type { WebhookServices } from './webhook-services';

/** What a `webhooks.deliver` job reports (its result in the Jobs view): ids and statuses only. */
export interface AttemptResult {
  deliveryId: number;
  status: WebhookDeliveryStatus | 'gone';
  responseStatus?: number | null;
}

const FINISHED: ReadonlySet<WebhookDeliveryStatus> = new Set(['sent', 'failed', 'skipped']);

type Services = Pick<WebhookServices, 'business' | 'bus'>;

/**
 * One attempt of a delivery: read it, POST it signed, record what came of it. A failure of the
 * receiver is an outcome, not a job error: the delivery is queued again with backoff as its own job
 * (so the receiver's outage never shows as failed console jobs), and the job engine's own retries
 * are left for the console's faults. The POST happens outside any transaction; a crash between it
 * and the record sends the same `X-Noc-Delivery` again, which receivers drop.
 */
export async function attemptDelivery(services: Services, deliveryId: number, signal: AbortSignal): Promise<AttemptResult> {
  const loaded = await services.business.read(async (tx) => {
    const delivery = await tx.webhooks.delivery(deliveryId);
    const subscription = delivery && (await tx.webhooks.get(delivery.tenantId, delivery.subscriptionId));
    // A secret sealed under another data key (a store restored without its key) cannot sign: say so in the log.
    const secret = subscription ? await tx.webhooks.secret(subscription.id).catch(() => null) : null;
    return delivery && subscription ? { delivery, subscription, secret } : null;
  });
  if (!loaded) return { deliveryId, status: 'gone' };
  const { delivery, subscription, secret } = loaded;
  // Done before: this is a job run again after a crash or a duplicate wake-up.
  if (FINISHED.has(delivery.status)) return { deliveryId, status: delivery.status };
  const isTest = delivery.event === WEBHOOK_TEST_EVENT;
  if (!isTest && (!subscription.enabled || subscription.paused)) {
    return services.business.run((tx) => skip(tx, services.bus, delivery));
  }
  const outcome: PostOutcome =
    secret === null
      ? { ok: false, status: null, error: 'the signing secret cannot be opened on this machine (a store restored without its key?): make a new secret for this webhook' }
      : await postJson({ url: subscription.url, headers: signedHeaders(secret, delivery, Date.now()), body: delivery.body, timeoutMs: DELIVERY_TIMEOUT_MS, signal });
  return services.business.run((tx) => recordAttempt(tx, services.bus, deliveryId, outcome, Date.now()));
}

async function skip(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, delivery: WebhookDeliveryRecord): Promise<AttemptResult> {
  const skipped = await tx.webhooks.updateDelivery(delivery.id, { ...changeOf(delivery), status: 'skipped', nextAttemptAt: null });
  tx.afterCommit(() => bus.publish('WebhookDeliveryUpdated', skipped, skipped.tenantId));
  return { deliveryId: delivery.id, status: 'skipped' };
}

const time = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const changeOf = (d: WebhookDeliveryRecord) => ({
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  lastAttemptAt: time(d.lastAttemptAt),
  nextAttemptAt: time(d.nextAttemptAt),
  sentAt: time(d.sentAt),
});

/**
 * Records an attempt's outcome with what follows from it, in one transaction: a success resets the
 * subscription's failure count; a failure counts one more in a row and either queues the next
 * attempt (backoff with jitter), or ends the delivery as failed; the failure that reaches the
 * subscription's `pauseAfter` pauses it, skips its pending deliveries and publishes
 * `WebhookSubscriptionPaused`. Old log rows are pruned on the way.
 */
async function recordAttempt(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, deliveryId: number, outcome: PostOutcome, now: number): Promise<AttemptResult> {
  const delivery = await tx.webhooks.delivery(deliveryId);
  const before = delivery && (await tx.webhooks.get(delivery.tenantId, delivery.subscriptionId));
  // Deleted while the POST was out: nothing left to record.
  if (!delivery || !before) return { deliveryId, status: 'gone' };
  const tenantId = delivery.tenantId;
  const attempt = { attempts: delivery.attempts + 1, responseStatus: outcome.status, lastAttemptAt: now };

  if (outcome.ok) {
    const sent = await tx.webhooks.updateDelivery(deliveryId, { ...attempt, status: 'sent', lastError: null, nextAttemptAt: null, sentAt: now });
    const subscription = await tx.webhooks.attemptSucceeded(before.id, now);
    tx.afterCommit(() => {
      bus.publish('WebhookDeliveryUpdated', sent, tenantId);
      bus.publish('WebhookSubscriptionChanged', subscription, tenantId);
    });
    await tx.webhooks.prune(before.id, LOG_KEEP, now - LOG_WINDOW_MS);
    return { deliveryId, status: 'sent', responseStatus: outcome.status };
  }

  const error = maskEmailsIn(outcome.error);
  // A paused subscription's failures no longer count (an attempt that was already out, or a test ping).
  const subscription = before.paused ? before : await tx.webhooks.attemptFailed(before.id, error, now);
  const pauseNow = !before.paused && subscription.consecutiveFailures >= subscription.pauseAfter;
  const retry = !pauseNow && !before.paused && attempt.attempts < delivery.maxAttempts;
  const nextAttemptAt = retry ? now + backoffDelay(attempt.attempts, RETRY_BACKOFF) : null;
  const updated = await tx.webhooks.updateDelivery(deliveryId, { ...attempt, status: retry ? 'retrying' : 'failed', lastError: error, nextAttemptAt, sentAt: null });
  if (nextAttemptAt !== null) {
    await tx.jobs.enqueue('webhooks.deliver', { deliveryId }, { tenantId, runAt: new Date(nextAttemptAt), uniqueKey: deliverJobKey(deliveryId, attempt.attempts + 1) });
  }
  tx.afterCommit(() => bus.publish('WebhookDeliveryUpdated', updated, tenantId));
  if (pauseNow) {
    const paused = await tx.webhooks.pause(before.id, now);
    const skipped = await tx.webhooks.skipPending(before.id);
    // The admins are told in the same transaction (the `webhook-paused` staff rule).
    await raiseStaffNotification(tx, bus, webhookPaused({ tenantId, subscriptionId: before.id, url: paused.url, failures: paused.consecutiveFailures, lastError: error, pausedAt: now }), now);
    tx.afterCommit(() => {
      for (const s of skipped) bus.publish('WebhookDeliveryUpdated', s, tenantId);
      bus.publish('WebhookSubscriptionChanged', paused, tenantId);
      bus.publish('WebhookSubscriptionPaused', paused, tenantId);
    });
  } else if (!before.paused) {
    tx.afterCommit(() => bus.publish('WebhookSubscriptionChanged', subscription, tenantId));
  }
  await tx.webhooks.prune(before.id, LOG_KEEP, now - LOG_WINDOW_MS);
  return { deliveryId, status: updated.status, responseStatus: outcome.status };
}
