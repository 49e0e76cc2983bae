import { create } from 'zustand';
import type { PlanKind, PlanSummary } from '../../../../main/plans/contract';
import { naturalCompare } from '../../live/natural-compare';

export interface PlansState {
  plans: ReadonlyMap<number, PlanSummary>;
  loaded: boolean;
  error: string | null;
}

export const initialPlansState: PlansState = { plans: new Map(), loaded: false, error: null };

/** The tenant's plans by id, with where each stands on its routers. Pure (no bridge); see plans-live.ts. */
export const usePlansStore = create<PlansState>(() => initialPlansState);

let sortedCache: { plans: PlansState['plans']; result: PlanSummary[] } | null = null;
const byKindCache = new Map<PlanKind, { sorted: PlanSummary[]; result: PlanSummary[] }>();

const sorted = (s: PlansState): PlanSummary[] => {
  if (sortedCache?.plans === s.plans) return sortedCache.result;
  // Hotspot plans first (what most tenants sell), then by name naturally: "1 hour" before "12 hours".
  const result = [...s.plans.values()].sort((a, b) => a.kind.localeCompare(b.kind) || naturalCompare(a.name.toLowerCase(), b.name.toLowerCase()) || a.id - b.id);
  sortedCache = { plans: s.plans, result };
  return result;
};

export const plansSelectors = {
  /** By kind, then name; memoized on the map, so components re-render only when plans change. */
  sorted,
  /** The plans a subscriber or voucher of this kind can have (memoized per kind). */
  ofKind: (kind: PlanKind) => (s: PlansState): PlanSummary[] => {
    const all = sorted(s);
    const cached = byKindCache.get(kind);
    if (cached?.sorted === all) return cached.result;
    const result = all.filter((p) => p.kind === kind);
    byKindCache.set(kind, { sorted: all, result });
    return result;
  },
  plans: (s: PlansState) => s.plans,
  byId: (id: number) => (s: PlansState) => s.plans.get(id) ?? null,
  loaded: (s: PlansState) => s.loaded,
  error: (s: PlansState) => s.error,
};

const set = usePlansStore.setState;

/** Every event is a whole plan or a removal, so one the snapshot already covers replays harmlessly. */
export const plansActions = {
  snapshot(list: readonly PlanSummary[]) {
    set({ plans: new Map(list.map((p) => [p.id, p])), loaded: true, error: null });
  },
  upsert(plan: PlanSummary) {
    set((s) => ({ plans: new Map(s.plans).set(plan.id, plan) }));
  },
  removed(id: number) {
    set((s) => {
      if (!s.plans.has(id)) return {};
      const plans = new Map(s.plans);
      plans.delete(id);
      return { plans };
    });
  },
  /** Applies one event of `tenant.{id}.plans`; other names are ignored. */
  event(name: string, payload: unknown) {
    if (name === 'PlanCreated' || name === 'PlanUpdated') plansActions.upsert(payload as PlanSummary);
    else if (name === 'PlanDeleted') plansActions.removed((payload as { id: number }).id);
  },
  failed(message: string) {
    set({ error: message });
  },
};

export function resetPlansStore(): void {
  sortedCache = null;
  byKindCache.clear();
  set(initialPlansState, true);
}
