import { create } from 'zustand';
import type { RouterLiveStatus, RouterState, RouterSummary, RouterTestOutcome } from '../../../../main/routers/contract';
import { naturalCompare } from '../../live/natural-compare';

/** A connection test: asked for, queued as a job, then its RouterTested outcome (or why it could not start). */
export type RouterTest =
  | { phase: 'requested' | 'queued'; jobId: number | null }
  | { phase: 'done'; outcome: RouterTestOutcome }
  | { phase: 'failed'; message: string };

export interface RoutersState {
  routers: ReadonlyMap<number, RouterSummary>;
  tests: ReadonlyMap<number, RouterTest>;
  loaded: boolean;
  error: string | null;
}

export const initialRoutersState: RoutersState = { routers: new Map(), tests: new Map(), loaded: false, error: null };

/** The Routers store: the tenant's routers by id with live status. Pure (no bridge); see routers-live.ts. */
export const useRoutersStore = create<RoutersState>(() => initialRoutersState);

let sortedCache: { routers: RoutersState['routers']; result: RouterSummary[] } | null = null;
let countsCache: { routers: RoutersState['routers']; result: Record<RouterState, number> } | null = null;

export const routersSelectors = {
  /** Down routers first (they need someone), then by name (naturally: hq-2 before hq-10); memoized on the map. */
  sorted: (s: RoutersState): RouterSummary[] => {
    if (sortedCache?.routers === s.routers) return sortedCache.result;
    const down = (r: RouterSummary) => (r.status.state === 'offline' || r.status.state === 'auth-failed' ? 0 : 1);
    const result = [...s.routers.values()].sort((a, b) => down(a) - down(b) || naturalCompare(a.name.toLowerCase(), b.name.toLowerCase()) || a.id - b.id);
    sortedCache = { routers: s.routers, result };
    return result;
  },
  counts: (s: RoutersState): Record<RouterState, number> => {
    if (countsCache?.routers === s.routers) return countsCache.result;
    const result: Record<RouterState, number> = { unknown: 0, connecting: 0, online: 0, degraded: 0, offline: 0, 'auth-failed': 0 };
    for (const r of s.routers.values()) result[r.status.state]++;
    countsCache = { routers: s.routers, result };
    return result;
  },
  byId: (id: number) => (s: RoutersState) => s.routers.get(id) ?? null,
  tests: (s: RoutersState) => s.tests,
  loaded: (s: RoutersState) => s.loaded,
  error: (s: RoutersState) => s.error,
};

const set = useRoutersStore.setState;
const withRouters = (s: RoutersState, change: (map: Map<number, RouterSummary>) => void) => {
  const routers = new Map(s.routers);
  change(routers);
  return { routers };
};

/**
 * Every event is a full value (a summary, a status) or a removal, so replaying one the
 * snapshot already covers is harmless: `routers.list` carries no seq and needs none.
 */
export const routersActions = {
  snapshot(list: readonly RouterSummary[]) {
    set({ routers: new Map(list.map((r) => [r.id, r])), loaded: true, error: null });
  },
  upsert(router: RouterSummary) {
    set((s) => withRouters(s, (m) => m.set(router.id, router)));
  },
  removed(id: number) {
    set((s) => (s.routers.has(id) ? withRouters(s, (m) => m.delete(id)) : {}));
  },
  statusChanged(id: number, status: RouterLiveStatus) {
    set((s) => {
      const router = s.routers.get(id);
      return router ? withRouters(s, (m) => m.set(id, { ...router, status })) : {};
    });
  },
  /** Applies one event from `tenant.{id}.routers`; unknown names are ignored. */
  event(name: string, payload: unknown) {
    if (name === 'RouterAdded' || name === 'RouterUpdated') routersActions.upsert(payload as RouterSummary);
    else if (name === 'RouterRemoved') routersActions.removed((payload as { id: number }).id);
    else if (name === 'RouterTested') routersActions.tested(payload as RouterTestOutcome);
    else if (name === 'RouterStatusChanged') {
      const { id, status } = payload as { id: number; status: RouterLiveStatus };
      routersActions.statusChanged(id, status);
    }
  },
  failed(message: string) {
    set({ error: message });
  },
  testRequested(id: number) {
    set((s) => ({ tests: new Map(s.tests).set(id, { phase: 'requested', jobId: null }) }));
  },
  testQueued(id: number, jobId: number) {
    // The outcome can beat the invoke's answer: never overwrite it.
    set((s) => (s.tests.get(id)?.phase === 'requested' ? { tests: new Map(s.tests).set(id, { phase: 'queued', jobId }) } : {}));
  },
  testFailed(id: number, message: string) {
    set((s) => ({ tests: new Map(s.tests).set(id, { phase: 'failed', message }) }));
  },
  tested(outcome: RouterTestOutcome) {
    set((s) => ({ tests: new Map(s.tests).set(outcome.id, { phase: 'done', outcome }) }));
  },
};

export function resetRoutersStore(): void {
  sortedCache = null;
  countsCache = null;
  useRoutersStore.setState(initialRoutersState, true);
}
