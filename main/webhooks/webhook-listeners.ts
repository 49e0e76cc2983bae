import { randomUUID } from 'node:crypto';
import type { EventName } from '../contract';
import type { CoreServices } from '../core/services';
import type { EventMeta } from '../events/event-bus';
import { WEBHOOK_EVENTS, type WebhookEventName } from './contract';
import { occurrenceOf, queueDelivery, type WebhookOccurrence } from './webhook-delivery';

type Services = Pick<CoreServices, 'bus' | 'business' | 'log'>;

// Every name of the allow-list is an event of the contract (a typo is a type error here).
const NAMES: readonly EventName[] = WEBHOOK_EVENTS;

/**
 * Event webhooks (registered in main/events/listeners.ts): each allow-listed event published for a
 * tenant becomes one delivery per subscription of that tenant that chose it. The payload is the
 * one the tenant's channel got, masked at publish; its JSON is taken at once, before anything
 * else can touch the object. Routers report status with every resource poll: only a change of
 * state (the first seen after start included) is an occurrence.
 */
export function webhookListeners(services: Services): Array<() => void> {
  const { bus, log } = services;
  const routerStates = new Map<number, string>();

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
  ];
}
