import { create } from 'zustand';
import type { WebhookDeliverySummary, WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';

/** The delivery log shown: one subscription's newest deliveries, as many as its snapshot asked for. */
export const DELIVERIES_SHOWN = 50;

export interface WebhooksState {
  subscriptions: ReadonlyMap<number, WebhookSubscriptionSummary>;
  loaded: boolean;
  error: string | null;
  /** The subscription whose deliveries are open, and its log (newest first). */
  open: number | null;
  deliveries: readonly WebhookDeliverySummary[] | null;
  deliveriesError: string | null;
}

export const initialWebhooksState: WebhooksState = { subscriptions: new Map(), loaded: false, error: null, open: null, deliveries: null, deliveriesError: null };

/** Settings › Event webhooks: the tenant's subscriptions and the open one's deliveries. Pure (no bridge); see webhooks-live.ts. */
export const useWebhooksStore = create<WebhooksState>(() => initialWebhooksState);

let sortedCache: { subscriptions: WebhooksState['subscriptions']; result: WebhookSubscriptionSummary[] } | null = null;

export const webhooksSelectors = {
  /** Oldest first, as they were added (memoized on the map). */
  sorted: (s: WebhooksState): WebhookSubscriptionSummary[] => {
    if (sortedCache?.subscriptions === s.subscriptions) return sortedCache.result;
    const result = [...s.subscriptions.values()].sort((a, b) => a.id - b.id);
    sortedCache = { subscriptions: s.subscriptions, result };
    return result;
  },
  loaded: (s: WebhooksState) => s.loaded,
  error: (s: WebhooksState) => s.error,
  open: (s: WebhooksState) => s.open,
  deliveries: (s: WebhooksState) => s.deliveries,
  deliveriesError: (s: WebhooksState) => s.deliveriesError,
};

const set = useWebhooksStore.setState;

/**
 * Events carry the whole subscription or delivery, so one a snapshot already holds replays
 * harmlessly. A delivery of another subscription than the open one is not kept: its log is
 * fetched when it is opened.
 */
export const webhooksActions = {
  snapshot(subscriptions: readonly WebhookSubscriptionSummary[]) {
    set({ subscriptions: new Map(subscriptions.map((s) => [s.id, s])), loaded: true, error: null });
  },
  upsert(subscription: WebhookSubscriptionSummary) {
    set((s) => ({ subscriptions: new Map(s.subscriptions).set(subscription.id, subscription) }));
  },
  remove(id: number) {
    set((s) => {
      const subscriptions = new Map(s.subscriptions);
      subscriptions.delete(id);
      return s.open === id ? { subscriptions, open: null, deliveries: null } : { subscriptions };
    });
  },
  /** Applies a subscription event of `tenant.{id}.webhooks`; other names are ignored. */
  event(name: string, payload: unknown) {
    if (name === 'WebhookSubscriptionChanged' || name === 'WebhookSubscriptionPaused') webhooksActions.upsert(payload as WebhookSubscriptionSummary);
    else if (name === 'WebhookSubscriptionDeleted') webhooksActions.remove((payload as { id: number }).id);
  },
  /** Applies a delivery event of the channel to the open log; other names are ignored. */
  deliveryEvent(name: string, payload: unknown) {
    if (name === 'WebhookDeliveryUpdated') webhooksActions.delivery(payload as WebhookDeliverySummary);
  },
  failed(message: string) {
    set({ error: message });
  },
  openDeliveries(subscriptionId: number | null) {
    set({ open: subscriptionId, deliveries: null, deliveriesError: null });
  },
  deliveriesSnapshot(subscriptionId: number, deliveries: readonly WebhookDeliverySummary[]) {
    set((s) => (s.open === subscriptionId ? { deliveries, deliveriesError: null } : {}));
  },
  delivery(delivery: WebhookDeliverySummary) {
    set((s) => {
      if (s.open !== delivery.subscriptionId || s.deliveries === null) return {};
      const others = s.deliveries.filter((d) => d.id !== delivery.id);
      return { deliveries: [delivery, ...others].sort((a, b) => b.id - a.id).slice(0, DELIVERIES_SHOWN) };
    });
  },
  deliveriesFailed(message: string) {
    set({ deliveriesError: message });
  },
};

export function resetWebhooksStore(): void {
  sortedCache = null;
  set(initialWebhooksState, true);
}
