import { create } from 'zustand';
import type { DeliveryStatus, DeliverySummary, ExternalChannel } from '../../../../main/notifications/contract';

export interface DeliveriesState {
  deliveries: ReadonlyMap<number, DeliverySummary>;
  loaded: boolean;
  error: string | null;
}

export const initialDeliveriesState: DeliveriesState = { deliveries: new Map(), loaded: false, error: null };

/** How many the log keeps on screen: the snapshot's page, and what arrives after it. */
export const DELIVERIES_SHOWN = 200;

/** The delivery log of the tenant on screen, by id. Pure (no bridge); see deliveries-live.ts. */
export const useDeliveriesStore = create<DeliveriesState>(() => initialDeliveriesState);

let sortedCache: { deliveries: DeliveriesState['deliveries']; result: DeliverySummary[] } | null = null;

/** Newest first by when it was queued; the id breaks ties. */
const newestFirst = (a: DeliverySummary, b: DeliverySummary) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id;

export const deliveriesSelectors = {
  sorted: (s: DeliveriesState): DeliverySummary[] => {
    if (sortedCache?.deliveries === s.deliveries) return sortedCache.result;
    const result = [...s.deliveries.values()].sort(newestFirst);
    sortedCache = { deliveries: s.deliveries, result };
    return result;
  },
  loaded: (s: DeliveriesState) => s.loaded,
  error: (s: DeliveriesState) => s.error,
};

const set = useDeliveriesStore.setState;

/**
 * Each event carries the whole delivery: a newer state of one already shown replaces it (an
 * older one, replayed after a snapshot, does not); the log keeps the newest DELIVERIES_SHOWN.
 */
export const deliveriesActions = {
  snapshot(deliveries: readonly DeliverySummary[]) {
    set({ deliveries: new Map(deliveries.map((d) => [d.id, d])), loaded: true, error: null });
  },
  updated(delivery: DeliverySummary) {
    set((s) => {
      const known = s.deliveries.get(delivery.id);
      if (known && known.updatedAt > delivery.updatedAt) return s;
      const next = new Map(s.deliveries).set(delivery.id, delivery);
      if (next.size > DELIVERIES_SHOWN) for (const old of [...next.values()].sort(newestFirst).slice(DELIVERIES_SHOWN)) next.delete(old.id);
      return { deliveries: next };
    });
  },
  failed(message: string) {
    set({ error: message });
  },
};

export interface DeliveryFilter {
  status: DeliveryStatus | 'all';
  channel: ExternalChannel | 'all';
}

export const ALL_DELIVERIES: DeliveryFilter = { status: 'all', channel: 'all' };

export function filterDeliveries(list: DeliverySummary[], filter: DeliveryFilter): DeliverySummary[] {
  if (filter.status === 'all' && filter.channel === 'all') return list;
  return list.filter((d) => (filter.status === 'all' || d.status === filter.status) && (filter.channel === 'all' || d.channel === filter.channel));
}

export function resetDeliveriesStore(): void {
  sortedCache = null;
  set(initialDeliveriesState, true);
}
