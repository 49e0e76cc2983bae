import { randomUUID } from 'node:crypto';
import type { EventName } from '../contract';
import type { EventMeta } from '../events/event-bus';
import { WEBHOOK_EVENTS, type WebhookEventName } from './contract';
import { occurrenceOf, queueDelivery, type WebhookOccurrence } from './webhook-delivery';
import type { WebhookServices } from './webhook-services';

// Every name of the allow-list is an event of the contract (a typo is a type error here).
const NAMES: readonly EventName[] = WEBHOOK_EVENTS;

/**
 * Event webhooks (registered in main/events/listeners.ts): each allow-listed event published for a
 * tenant becomes one delivery per subscription of that tenant that chose it. The payload is the
 * one the tenant's channel got, masked at publish; its JSON is taken at once, before anything
 * else can touch the object. Routers report status with every resource poll: only a change of
 * state (the first seen after start included) is an occurrence.
 */
export function webhookListeners(services: WebhookServices): Array<() => void> {
  const { bus, log } = services;
  const routerStates = new Map<number, string>();
  // The events each tenant's live subscriptions chose, once read: an event no subscription wants
  // (most events of most tenants) costs no read and no JSON. Forgotten when a subscription changes.
  const wanted = new Map<number, Set<string>>();
  // A read that a change overtook is not kept (its answer may predate the change).
  let changes = 0;
  const learn = (tenantId: number) => {
    const seen = changes;
    return services.business
      .read((tx) => tx.webhooks.list(tenantId))
      .then((subscriptions) => {
        if (seen === changes) wanted.set(tenantId, new Set(subscriptions.filter((s) => s.enabled && !s.paused).flatMap((s) => s.events)));
      })
      .catch((error: unknown) => log.error('event webhook subscriptions not read', { tenantId, error: String(error) }));
  };
  const forget = (_payload: unknown, meta: EventMeta) => {
    changes += 1;
    if (meta.tenantId !== undefined) wanted.delete(meta.tenantId);
  };

  const fanOut = async (tenantId: number, occurrence: WebhookOccurrence) => {
    // A read first: most events of most tenants have no subscription, and a read takes no write lock.
    const receivers = await services.business.read((tx) => tx.webhooks.receiving(tenantId, occurrence.event));
    if (receivers.length === 0) return;
    await services.business.run(async (tx) => {
      for (const subscription of receivers) await queueDelivery(tx, bus, subscription, occurrence, Date.now());
    });
  };

  const forward = (event: WebhookEventName) => (payload: unknown, meta: EventMeta) => {
    const tenantId = meta.tenantId;
    if (tenantId === undefined) return;
    const known = wanted.get(tenantId);
    if (known && !known.has(event)) return;
    if (!known) void learn(tenantId);
    if (event === 'RouterStatusChanged') {
      const { id, status } = payload as { id: number; status: { state: string } };
      if (routerStates.get(id) === status.state) return;
      routerStates.set(id, status.state);
    }
    const occurrence = occurrenceOf(event, randomUUID(), tenantId, payload, new Date());
    fanOut(tenantId, occurrence).catch((error: unknown) => log.error('event webhook deliveries not queued', { tenantId, event, error: String(error) }));
  };

  return [
    ...NAMES.map((name) => bus.on(name, forward(name as WebhookEventName) as never)),
    bus.on('RouterRemoved', ({ id }) => routerStates.delete(id)),
    bus.on('WebhookSubscriptionChanged', forget),
    bus.on('WebhookSubscriptionDeleted', forget),
    bus.on('WebhookSubscriptionPaused', forget),
  ];
}
