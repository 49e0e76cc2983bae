import { beforeEach, describe, expect, it } from 'vitest';
import type { WebhookDeliverySummary, WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';
import { resetWebhooksStore, useWebhooksStore, webhooksActions, webhooksSelectors } from './webhooks-store';

const state = () => useWebhooksStore.getState();
const at = '2026-12-02T10:00:00.000Z';
const subscription = (id: number, extra: Partial<WebhookSubscriptionSummary> = {}): WebhookSubscriptionSummary => ({
  id, tenantId: 1, url: `https://hooks.example.com/${id}`, description: '', events: ['PaymentReceived'], enabled: true, paused: false, pausedAt: null, pauseAfter: 10,
  consecutiveFailures: 0, lastError: null, lastSuccessAt: null, lastFailureAt: null, secretRotatedAt: at, createdAt: at, updatedAt: at, ...extra,
});
const delivery = (id: number, subscriptionId: number, extra: Partial<WebhookDeliverySummary> = {}): WebhookDeliverySummary => ({
  id, subscriptionId, tenantId: 1, event: 'PaymentReceived', eventId: `e${id}`, key: `k${id}`, status: 'queued', attempts: 0, maxAttempts: 8, responseStatus: null,
  lastError: null, createdAt: at, lastAttemptAt: null, nextAttemptAt: null, sentAt: null, ...extra,
});

describe('event webhooks store', () => {
  beforeEach(resetWebhooksStore);

  it('follows subscription events: changed and paused replace, deleted removes and closes its log', () => {
    webhooksActions.snapshot([subscription(2), subscription(1)]);
    expect(webhooksSelectors.sorted(state()).map((s) => s.id)).toEqual([1, 2]);
    webhooksActions.event('WebhookSubscriptionPaused', subscription(2, { paused: true, consecutiveFailures: 10 }));
    webhooksActions.event('WebhookSubscriptionChanged', subscription(3));
    webhooksActions.event('WebhookDeliveryUpdated', delivery(1, 2));
    expect(webhooksSelectors.sorted(state()).map((s) => [s.id, s.paused])).toEqual([[1, false], [2, true], [3, false]]);
    webhooksActions.openDeliveries(2);
    webhooksActions.event('WebhookSubscriptionDeleted', { id: 2 });
    expect(webhooksSelectors.sorted(state()).map((s) => s.id)).toEqual([1, 3]);
    expect(state().open).toBeNull();
  });

  it('keeps the open subscription’s deliveries live, newest first, and ignores other subscriptions’', () => {
    webhooksActions.openDeliveries(1);
    webhooksActions.deliveryEvent('WebhookDeliveryUpdated', delivery(5, 1));
    expect(state().deliveries).toBeNull();
    webhooksActions.deliveriesSnapshot(1, [delivery(4, 1, { status: 'sent' })]);
    webhooksActions.deliveryEvent('WebhookDeliveryUpdated', delivery(5, 1, { status: 'retrying', attempts: 1 }));
    webhooksActions.deliveryEvent('WebhookDeliveryUpdated', delivery(6, 2));
    webhooksActions.deliveryEvent('WebhookDeliveryUpdated', delivery(5, 1, { status: 'sent', attempts: 2 }));
    expect(state().deliveries!.map((d) => [d.id, d.status])).toEqual([[5, 'sent'], [4, 'sent']]);
    // A snapshot of a log that was closed meanwhile is dropped.
    webhooksActions.openDeliveries(3);
    webhooksActions.deliveriesSnapshot(1, [delivery(4, 1)]);
    expect(state().deliveries).toBeNull();
  });
});
