import type { CustomerMessagePayload } from './customer-message-contract';
import { deliverySummary } from './delivery-summary';
import { customerValues, fillTemplate } from './message-templates';
import type { NotificationServices } from './notification-services';
import { quietUntil } from './quiet-hours';
import type { ExternalChannel } from './settings-contract';
import type { StoredSettings } from './stored-settings';
import { enqueueDelivery } from './deliver-job';

/** Why a customer message did not go on a channel, in words for the job's result. */
function unusable(channel: ExternalChannel, settings: StoredSettings): string | null {
  if (channel === 'email') return settings.channels.email ? null : 'email is not set up';
  const hook = settings.channels[channel];
  if (!hook) return `${channel} is not set up`;
  return hook.preset === 'telegram-bot' ? 'a Telegram bot reaches its staff chat, not customers' : null;
}

export interface CustomerMessageOutcome {
  /** Deliveries made now (0 on a replay: they exist). */
  queued: number;
  held: number;
  /** Channels not used, and why (no phone, not set up). */
  skipped: string[];
}

/**
 * The `notifications.customer` job: renders the tenant's template for the occasion with the
 * subscriber's name (read here, never carried in the payload), the facts, and the tenant's
 * locale, currency and zone, and makes one delivery per channel of the template (to the
 * subscriber's phone, or email). Inside quiet hours they are held until the hours end. Unique by
 * (tenant, key, channel, recipient): a replay of the job makes nothing new. `now` is the job's
 * time (tests give one).
 */
export async function queueCustomerMessage(services: Pick<NotificationServices, 'business' | 'bus'>, payload: CustomerMessagePayload, tenantId: number | null, now = Date.now()): Promise<CustomerMessageOutcome> {
  return services.business.run(async (tx) => {
    const outcome: CustomerMessageOutcome = { queued: 0, held: 0, skipped: [] };
    const subscriber = await tx.subscribers.get(tenantId, payload.subscriberId);
    if (!subscriber) return { ...outcome, skipped: ['the subscriber no longer exists'] };
    const tenant = await tx.tenants.settings(subscriber.tenantId);
    const { settings } = await tx.notifications.settings.get(subscriber.tenantId);
    const template = settings.customerMessages[payload.message];
    if (!template.enabled || template.channels.length === 0) return { ...outcome, skipped: [`the ${payload.message} message is switched off`] };
    const planName = payload.facts.planName ?? (await tx.plans.get(subscriber.tenantId, subscriber.planId))?.name ?? null;
    const name = subscriber.name.trim() || subscriber.username;
    const values = customerValues(payload.facts, { name, planName }, tenant);
    const heldUntil = quietUntil(settings.quietHours, tenant.timeZone, now);
    for (const channel of template.channels) {
      const recipient = channel === 'email' ? subscriber.email : subscriber.phone;
      const why = recipient ? unusable(channel, settings) : `the subscriber has no ${channel === 'email' ? 'email address' : 'phone number'}`;
      if (why !== null || !recipient) {
        outcome.skipped.push(`${channel}: ${why}`);
        continue;
      }
      const { delivery, created } = await tx.notifications.deliveries.insert(
        {
          tenantId: subscriber.tenantId,
          key: payload.key,
          channel,
          recipient,
          recipientName: name,
          audience: 'customer',
          message: payload.message,
          subject: fillTemplate(template.subject, values),
          body: fillTemplate(template.template, values),
          status: heldUntil === null ? 'queued' : 'held',
          nextAttemptAt: heldUntil,
        },
        now,
      );
      if (!created) continue;
      await enqueueDelivery(tx, delivery, heldUntil ?? now);
      outcome[heldUntil === null ? 'queued' : 'held'] += 1;
      const event = deliverySummary(delivery);
      tx.afterCommit(() => services.bus.publish('NotificationDeliveryUpdated', event, subscriber.tenantId));
    }
    return outcome;
  });
}
