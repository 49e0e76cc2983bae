import { create } from 'zustand';
import type { SessionDelta } from '../../../main/sessions/contract';
import { applyDeltas, emptyRows, rowsFromSnapshot, type KeyedRows, type Stamped } from './keyed-rows';
import { createSortedView, type SortDirection, type SortKey, type ViewSpec } from './sorted-view';

/** A Disconnect in flight: asked for, then queued as a job; it ends when the row's `ended` arrives. */
export interface DisconnectState {
  phase: 'requested' | 'queued';
  jobId: number | null;
}

export interface SessionTableState<S> {
  live: KeyedRows<S>;
  /** A snapshot has arrived at least once since the view attached. */
  loaded: boolean;
  error: string | null;
  spec: ViewSpec;
  disconnecting: ReadonlyMap<string, DisconnectState>;
  /** The last failed Disconnect, in words, until dismissed. */
  notice: string | null;
}

export interface SessionRowBase {
  key: string;
  routerId: number;
  routerName: string;
}

export interface SessionTableConfig<S> {
  sortKeys: Readonly<Record<string, SortKey<Stamped<S>>>>;
  searchFields: readonly (keyof S & string)[];
  defaultSort: { column: string; direction: SortDirection };
}

/**
 * The store behind a live session table (Online Users, PPPoE Sessions): rows keyed by session
 * key, the view spec, and Disconnects in flight. Pure — no bridge import — so it runs under
 * node tests; the view folder's `*-live.ts` connects it to the channel.
 */
export function createSessionTableStore<S extends SessionRowBase>(config: SessionTableConfig<S>) {
  const initialState = (): SessionTableState<S> => ({
    live: emptyRows<S>(),
    loaded: false,
    error: null,
    spec: { sortColumn: config.defaultSort.column, sortDirection: config.defaultSort.direction, routerId: null, text: '' },
    disconnecting: new Map(),
    notice: null,
  });
  const useStore = create<SessionTableState<S>>(() => initialState());
  const sortedView = createSortedView<Stamped<S>>({ sortKeys: config.sortKeys, searchFields: config.searchFields });

  let routersCache: { live: KeyedRows<S>; rows: KeyedRows<S>['rows']; result: Array<{ id: number; name: string }> } | null = null;

  const selectors = {
    /** The rows the table shows, sorted and filtered (memoized: same inputs, same array). */
    visibleRows: (s: SessionTableState<S>) => sortedView.select(s.live, s.spec),
    totalCount: (s: SessionTableState<S>) => s.live.rows.size,
    loaded: (s: SessionTableState<S>) => s.loaded,
    error: (s: SessionTableState<S>) => s.error,
    spec: (s: SessionTableState<S>) => s.spec,
    disconnecting: (s: SessionTableState<S>) => s.disconnecting,
    notice: (s: SessionTableState<S>) => s.notice,
    /** Routers that have rows, by name, for the router filter (rescanned only when rows came or went). */
    routers: (s: SessionTableState<S>) => {
      const { live } = s;
      if (routersCache?.live === live) return routersCache.result;
      const change = live.lastChange;
      if (routersCache && routersCache.rows === live.rows && change && routersCache.live.revision === change.revision - 1) {
        if (change.started.length === 0 && change.removed.length === 0 && !change.fields.has('routerName')) {
          routersCache = { ...routersCache, live };
          return routersCache.result;
        }
      }
      const names = new Map<number, string>();
      for (const row of live.rows.values()) if (!names.has(row.routerId)) names.set(row.routerId, row.routerName);
      const result = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
      // Same names as before: keep the array, so the filter does not re-render.
      const previous = routersCache?.result;
      const same = previous && previous.length === result.length && previous.every((r, i) => r.id === result[i]!.id && r.name === result[i]!.name);
      routersCache = { live, rows: live.rows, result: same ? previous : result };
      return routersCache.result;
    },
  };

  const set = useStore.setState;
  const actions = {
    snapshot(sessions: readonly S[], now = Date.now()) {
      set((s) => {
        const live = rowsFromSnapshot(sessions, s.live.revision, now);
        return { live, loaded: true, error: null, disconnecting: keepPresent(s.disconnecting, live.rows) };
      });
    },
    delta(delta: SessionDelta<S>, now = Date.now()) {
      actions.deltas([delta], now);
    },
    /** Batches that arrived within one frame, in order: one store update, one render. */
    deltas(deltas: readonly SessionDelta<S>[], now = Date.now()) {
      if (deltas.length === 0) return;
      set((s) => {
        const live = applyDeltas(s.live, deltas, now);
        // An ended key finishes its Disconnect even if the same key started again in this batch.
        const ended = deltas.flatMap((d) => d.ended);
        const disconnecting = ended.some((k) => s.disconnecting.has(k)) ? without(s.disconnecting, ended) : s.disconnecting;
        return { live, disconnecting };
      });
    },
    /** Before attaching to another tenant: rows, errors and the router filter go; sort and text stay. */
    clear() {
      set((s) => ({ ...initialState(), spec: { ...s.spec, routerId: null } }));
    },
    failed(message: string) {
      set({ error: message });
    },
    /** A header click: the same column flips direction; a new one starts ascending (text) or largest first (numbers). */
    sortBy(column: string) {
      const key = config.sortKeys[column];
      if (!key) return;
      set((s) => {
        const sortDirection: SortDirection =
          s.spec.sortColumn === column ? (s.spec.sortDirection === 'asc' ? 'desc' : 'asc') : key.kind === 'number' ? 'desc' : 'asc';
        return { spec: { ...s.spec, sortColumn: column, sortDirection } };
      });
    },
    /** A sort named in a link or the URL: ignored for a column the table cannot sort by. */
    sortTo(column: string, sortDirection: SortDirection) {
      if (!config.sortKeys[column]) return;
      set((s) => ({ spec: { ...s.spec, sortColumn: column, sortDirection } }));
    },
    filterRouter(routerId: number | null) {
      set((s) => ({ spec: { ...s.spec, routerId } }));
    },
    filterText(text: string) {
      set((s) => ({ spec: { ...s.spec, text } }));
    },
    disconnectRequested(key: string) {
      set((s) => ({ disconnecting: withEntry(s.disconnecting, key, { phase: 'requested', jobId: null }) }));
    },
    /** The job is queued; the row stays "disconnecting…" until the router reports it ended. */
    disconnectQueued(key: string, jobId: number) {
      set((s) => (s.disconnecting.has(key) ? { disconnecting: withEntry(s.disconnecting, key, { phase: 'queued', jobId }) } : {}));
    },
    disconnectFailed(key: string, message: string) {
      set((s) => {
        const disconnecting = new Map(s.disconnecting);
        disconnecting.delete(key);
        return { disconnecting, notice: message };
      });
    },
    dismissNotice() {
      set({ notice: null });
    },
  };

  const reset = () => {
    sortedView.reset();
    routersCache = null;
    useStore.setState(initialState(), true);
  };

  /** Search text for up to `budget` rows that have none (see SortedView.prepareSearch); false while some are left. */
  const prepareSearch = (budget: number) => sortedView.prepareSearch(useStore.getState().live, budget);

  return { useStore, selectors, actions, initialState, reset, prepareSearch };
}

function withEntry(map: ReadonlyMap<string, DisconnectState>, key: string, value: DisconnectState): Map<string, DisconnectState> {
  const next = new Map(map);
  next.set(key, value);
  return next;
}

function without(map: ReadonlyMap<string, DisconnectState>, keys: readonly string[]): Map<string, DisconnectState> {
  const next = new Map(map);
  for (const key of keys) next.delete(key);
  return next;
}

/** Disconnects whose row is gone are done. */
function keepPresent(map: ReadonlyMap<string, DisconnectState>, rows: ReadonlyMap<string, unknown>): ReadonlyMap<string, DisconnectState> {
  if (map.size === 0) return map;
  const next = new Map<string, DisconnectState>();
  for (const [key, state] of map) if (rows.has(key)) next.set(key, state);
  return next.size === map.size ? map : next;
}
