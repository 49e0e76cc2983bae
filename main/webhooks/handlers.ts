import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditInput } from '../audit/audit-log';
import type { Session } from '../auth/session';
import { readScope, writeTenant } from '../auth/tenant-scope';
import type { BusinessTx } from '../business/business-tx';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { outboundUrlSchema } from '../outbound/outbound-url';
import { WEBHOOK_TEST_EVENT, type webhookInvokes } from './contract';
import { occurrenceOf, queueDelivery } from './webhook-delivery';
import type { WebhookSubscriptionRecord } from './webhook-repository';
import type { WebhookServices } from './webhook-services';

/** A new signing secret: 32 random bytes as hex, like the payments webhook secret. */
const newSecret = () => randomBytes(32).toString('hex');

/** Audit labels name the receiver's host only: a URL's path or query may hold the receiver's token. */
const labelOf = (s: Pick<WebhookSubscriptionRecord, 'id' | 'url'>) => `webhook ${s.id} → ${new URL(s.url).host}`;

/** The receiver's URL by the outbound rule (the contract cannot import it): refused like any invalid field. */
function receiverUrl(name: string, url: string): string {
  const parsed = outboundUrlSchema.safeParse(url);
  if (parsed.success) return parsed.data;
  const { message } = parsed.error.issues[0]!;
  throw new DomainError('invalid_input', `invalid input for ${name}: url: ${message}`, [{ path: ['url'], message }]);
}

async function requireSubscription(tx: BusinessTx, session: Session, id: number): Promise<WebhookSubscriptionRecord> {
  const subscription = await tx.webhooks.get(readScope(session), id);
  if (!subscription) throw new DomainError('not_found', `Webhook subscription ${id} does not exist in your tenant: reload the list.`);
  return subscription;
}

function audit(tx: BusinessTx, session: Session, action: AuditInput['action'], subscription: WebhookSubscriptionRecord, details?: Record<string, unknown>): Promise<void> {
  const actor = session.user ? { id: session.user.id, username: session.user.username } : null;
  return tx.audit.record({ at: Date.now(), tenantId: subscription.tenantId, actor, action, target: { type: 'webhook', id: subscription.id, label: labelOf(subscription) }, details });
}

export const webhookHandlers: DomainHandlers<keyof typeof webhookInvokes, Pick<WebhookServices, 'business' | 'bus'>> = {
  'webhooks.list': ({ tenantId }, { services, session }) =>
    services.business.read(async (tx) => ({ subscriptions: await tx.webhooks.list(readScope(session) ?? tenantId ?? null) })),

  'webhooks.create': ({ tenantId, ...fields }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    fields.url = receiverUrl('webhooks.create', fields.url);
    return services.business.run(async (tx) => {
      await tx.tenants.settings(tenant);
      const secret = newSecret();
      const created = await tx.webhooks.insert({ tenantId: tenant, ...fields }, secret, Date.now());
      await audit(tx, session, 'webhook.created', created, { host: new URL(created.url).host, events: created.events, enabled: created.enabled, pauseAfter: created.pauseAfter });
      tx.afterCommit(() => services.bus.publish('WebhookSubscriptionChanged', created, tenant));
      return { ...created, secret };
    });
  },

  'webhooks.update': ({ id, ...patch }, { services, session }) => {
    if (patch.url !== undefined) patch.url = receiverUrl('webhooks.update', patch.url);
    return services.business.run(async (tx) => {
      const before = await requireSubscription(tx, session, id);
      const updated = await tx.webhooks.update(id, patch, Date.now());
      const changed = Object.keys(patch).filter((k) => JSON.stringify(before[k as keyof typeof patch]) !== JSON.stringify(updated[k as keyof typeof patch]));
      await audit(tx, session, 'webhook.updated', updated, { changed, host: new URL(updated.url).host, events: updated.events, enabled: updated.enabled, pauseAfter: updated.pauseAfter });
      tx.afterCommit(() => services.bus.publish('WebhookSubscriptionChanged', updated, updated.tenantId));
      return updated;
    });
  },

  'webhooks.delete': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const subscription = await requireSubscription(tx, session, id);
      await tx.webhooks.delete(id);
      await audit(tx, session, 'webhook.deleted', subscription);
      tx.afterCommit(() => services.bus.publish('WebhookSubscriptionDeleted', { id }, subscription.tenantId));
      return { id };
    }),

  'webhooks.rotateSecret': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      await requireSubscription(tx, session, id);
      const secret = newSecret();
      const rotated = await tx.webhooks.setSecret(id, secret, Date.now());
      await audit(tx, session, 'webhook.secret_rotated', rotated);
      tx.afterCommit(() => services.bus.publish('WebhookSubscriptionChanged', rotated, rotated.tenantId));
      return { ...rotated, secret };
    }),

  'webhooks.resume': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const before = await requireSubscription(tx, session, id);
      if (!before.paused) throw new DomainError('conflict', `Webhook subscription ${id} is not paused: there is nothing to resume.`);
      const resumed = await tx.webhooks.resume(id, Date.now());
      await audit(tx, session, 'webhook.resumed', resumed, { failuresBefore: before.consecutiveFailures });
      tx.afterCommit(() => services.bus.publish('WebhookSubscriptionChanged', resumed, resumed.tenantId));
      return resumed;
    }),

  'webhooks.test': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const subscription = await requireSubscription(tx, session, id);
      const now = new Date();
      const data = { subscriptionId: id, message: 'A test delivery from the NOC console: answer 2xx to show it arrived.' };
      const occurrence = occurrenceOf(WEBHOOK_TEST_EVENT, randomUUID(), subscription.tenantId, data, now);
      const delivery = await queueDelivery(tx, services.bus, subscription, occurrence, now.getTime());
      await audit(tx, session, 'webhook.tested', subscription, { deliveryId: delivery.id });
      return delivery;
    }),

  'webhooks.deliveries': ({ id, limit }, { services, session }) =>
    services.business.read(async (tx) => {
      const subscription = await requireSubscription(tx, session, id);
      return { deliveries: await tx.webhooks.deliveries(subscription.tenantId, id, limit) };
    }),
};
