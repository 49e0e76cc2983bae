import { create } from 'zustand';
import type { SubscriberStatus, SubscriberSummary } from '../../../../main/subscribers/contract';
import { naturalCompare } from '../../live/natural-compare';

/** What the list asks `subscribers.list` for: the search text and the filters (kept in the URL). */
export interface SubscriberQuery {
  search: string;
  status: SubscriberStatus | null;
  planId: number | null;
  routerId: number | null;
}

export const EMPTY_QUERY: SubscriberQuery = { search: '', status: null, planId: null, routerId: null };

export const sameQuery = (a: SubscriberQuery, b: SubscriberQuery) => a.search === b.search && a.status === b.status && a.planId === b.planId && a.routerId === b.routerId;

export interface SubscribersState {
  rows: ReadonlyMap<number, SubscriberSummary>;
  /** How many match the query on the server (the list may hold fewer: `limit`). */
  total: number;
  /** The query the rows answer; null before the first snapshot. */
  query: SubscriberQuery | null;
  loaded: boolean;
  error: string | null;
}

export const initialSubscribersState: SubscribersState = { rows: new Map(), total: 0, query: null, loaded: false, error: null };

/** The Subscribers list: the rows of the current search and filters. Pure (no bridge); see subscribers-live.ts. */
export const useSubscribersStore = create<SubscribersState>(() => initialSubscribersState);

/**
 * Whether an event's subscriber belongs in the list. The filters are exact; the search is
 * matched on the server against the full phone too, which an event masks: a row already
 * listed stays (the server matched it), a new one shows when what the event shows matches.
 */
export function matchesQuery(s: SubscriberSummary, query: SubscriberQuery, listed: boolean): boolean {
  if (query.status !== null && s.status !== query.status) return false;
  if (query.planId !== null && s.planId !== query.planId) return false;
  if (query.routerId !== null && !s.routerIds.includes(query.routerId)) return false;
  const search = query.search.trim().toLowerCase();
  if (search === '' || listed) return true;
  return [s.name, s.username, s.phone ?? '', s.macLock ?? ''].some((v) => v.toLowerCase().includes(search));
}

let sortedCache: { rows: SubscribersState['rows']; result: SubscriberSummary[] } | null = null;

export const subscribersSelectors = {
  /** By name, naturally (memoized on the map). */
  sorted: (s: SubscribersState): SubscriberSummary[] => {
    if (sortedCache?.rows === s.rows) return sortedCache.result;
    const result = [...s.rows.values()].sort((a, b) => naturalCompare(a.name.toLowerCase(), b.name.toLowerCase()) || a.id - b.id);
    sortedCache = { rows: s.rows, result };
    return result;
  },
  total: (s: SubscribersState) => s.total,
  query: (s: SubscribersState) => s.query,
  loaded: (s: SubscribersState) => s.loaded,
  error: (s: SubscribersState) => s.error,
};

const set = useSubscribersStore.setState;

export const subscribersActions = {
  snapshot(list: readonly SubscriberSummary[], total: number, query: SubscriberQuery) {
    set({ rows: new Map(list.map((s) => [s.id, s])), total, query, loaded: true, error: null });
  },
  /** A whole subscriber (event or invoke answer): in, updated, or out of the list as the query says. */
  upsert(subscriber: SubscriberSummary) {
    set((s) => {
      if (!s.query) return {};
      const listed = s.rows.has(subscriber.id);
      const rows = new Map(s.rows);
      if (matchesQuery(subscriber, s.query, listed)) {
        rows.set(subscriber.id, subscriber);
        return { rows, total: s.total + (listed ? 0 : 1) };
      }
      if (!listed) return {};
      rows.delete(subscriber.id);
      return { rows, total: Math.max(0, s.total - 1) };
    });
  },
  removed(id: number) {
    set((s) => {
      if (!s.rows.has(id)) return {};
      const rows = new Map(s.rows);
      rows.delete(id);
      return { rows, total: Math.max(0, s.total - 1) };
    });
  },
  /** Applies one event of `tenant.{id}.subscribers`; other names are ignored. */
  event(name: string, payload: unknown) {
    if (name === 'SubscriberCreated' || name === 'SubscriberUpdated') subscribersActions.upsert(payload as SubscriberSummary);
    else if (name === 'SubscriberDeleted') subscribersActions.removed((payload as { id: number }).id);
  },
  failed(message: string) {
    set({ error: message });
  },
};

export function resetSubscribersStore(): void {
  sortedCache = null;
  set(initialSubscribersState, true);
}
