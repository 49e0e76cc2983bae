import { backoffDelay } from '../jobs/backoff';
import { sendOnChannel } from './channel-send';
import { deliverySummary, maskContactsIn } from './delivery-summary';
import type { DeliveryChanges, DeliveryRecord } from './notification-repository';
import type { NotificationServices } from './notification-services';
import { deliveryKey, type SendOutcome } from './outbound-message';
import { quietUntil } from './quiet-hours';
import { enqueueDelivery } from './deliver-job';

type Services = Pick<NotificationServices, 'business' | 'bus' | 'log'>;

/** Attempts of one delivery before it is failed for good (about an hour and a half of retries). */
export const MAX_DELIVERY_ATTEMPTS = 6;
/** 30 s, 1 min, 2 min, 4 min, 8 min…: a gateway that is down for a while gets time to return. */
export const DELIVERY_BACKOFF = { baseMs: 30_000, maxMs: 30 * 60_000 };

/** Deliveries being sent by this process: a held job and a retry that meet never send twice. */
const inFlight = new Set<number>();

async function settle(services: Services, d: DeliveryRecord, changes: DeliveryChanges, runAt: number | null, now: number): Promise<DeliveryRecord> {
  return services.business.run(async (tx) => {
    const updated = await tx.notifications.deliveries.update(d.id, changes, now);
    if (runAt !== null) await enqueueDelivery(tx, updated, runAt);
    const event = deliverySummary(updated);
    tx.afterCommit(() => services.bus.publish('NotificationDeliveryUpdated', event, d.tenantId));
    return updated;
  });
}

/** What an attempt's outcome makes of the delivery: sent, retried later with backoff, or failed. */
function afterAttempt(d: DeliveryRecord, outcome: SendOutcome, now: number, random: () => number): { changes: DeliveryChanges; retryAt: number | null } {
  const attempts = d.attempts + 1;
  if (outcome.ok) return { changes: { status: 'sent', attempts, sentAt: now, lastError: null, nextAttemptAt: null }, retryAt: null };
  const lastError = maskContactsIn(outcome.error);
  if (outcome.permanent || attempts >= MAX_DELIVERY_ATTEMPTS) return { changes: { status: 'failed', attempts, lastError, nextAttemptAt: null }, retryAt: null };
  const retryAt = now + backoffDelay(attempts, DELIVERY_BACKOFF, random);
  return { changes: { status: 'retrying', attempts, lastError, nextAttemptAt: retryAt }, retryAt };
}

/**
 * Sends one delivery once (the `notifications.deliver` job; `now` is the job's time, given by
 * tests). A delivery that is sent or failed is left alone, so a job that runs twice (a replay
 * after a crash) sends nothing twice once the first run recorded it. The one gap is a crash
 * between the receiver's answer and the record: the next run sends again with the same
 * `Idempotency-Key` (HTTP) or Message-ID (email), by which the receiver can drop the copy.
 * Customer messages due inside quiet hours are held until they end (checked again here, as a
 * retry can fall into them); staff messages are never held.
 */
export async function runDelivery(services: Services, deliveryId: number, now = Date.now(), random: () => number = Math.random): Promise<DeliveryRecord | null> {
  if (inFlight.has(deliveryId)) return null;
  inFlight.add(deliveryId);
  try {
    const loaded = await services.business.read(async (tx) => {
      const d = await tx.notifications.deliveries.get(deliveryId);
      // Done already, or a job ahead of the delivery's time (the job for that time follows).
      if (!d || d.status === 'sent' || d.status === 'failed' || (d.nextAttemptAt !== null && d.nextAttemptAt > now)) return null;
      const { settings } = await tx.notifications.settings.get(d.tenantId);
      return { d, settings, zone: (await tx.tenants.settings(d.tenantId)).timeZone };
    });
    if (!loaded) return null;
    const { d, settings, zone } = loaded;
    const quietEnd = d.audience === 'customer' ? quietUntil(settings.quietHours, zone, now) : null;
    if (quietEnd !== null) return await settle(services, d, { status: 'held', nextAttemptAt: quietEnd }, quietEnd, now);
    // Opened only now, for this send, and never kept.
    const secrets = await services.business.read((tx) => tx.notifications.settings.secrets(d.tenantId));
    const outcome = await sendOnChannel(d.channel, settings, secrets, { deliveryKey: deliveryKey(d), recipient: d.recipient, recipientName: d.recipientName, subject: d.subject, text: d.body });
    const { changes, retryAt } = afterAttempt(d, outcome, now, random);
    if (!outcome.ok) services.log.warn('notification delivery failed', { tenantId: d.tenantId, deliveryId: d.id, channel: d.channel, attempt: d.attempts + 1, status: changes.status, error: changes.lastError });
    return await settle(services, d, changes, retryAt, now);
  } finally {
    inFlight.delete(deliveryId);
  }
}
