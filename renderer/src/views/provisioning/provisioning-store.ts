import { create } from 'zustand';
import type { ProvisioningRun, ProvisioningTemplate } from '../../../../main/provisioning/contract';
import { naturalCompare } from '../../live/natural-compare';
import { newestFirst, runEventOf, withProgress, withRun, type ProgressById, type RunsById } from './runs-reducer';

/** The runs the view asks for at once (the contract's ceiling). */
export const RUNS_SHOWN = 200;

export interface ProvisioningState {
  templates: ReadonlyMap<number, ProvisioningTemplate>;
  runs: RunsById;
  progress: ProgressById;
  loaded: boolean;
  error: string | null;
  /** The tenant on screen: a system admin's `provisioning.runs` answers every tenant's runs. */
  tenantId: number | null;
  /** The plan this person asked for last (shown under Plan until another replaces it). */
  planRunId: number | null;
  /** The apply this person started last, its runs in the order of the routers chosen. */
  batch: { batchId: number; runIds: readonly number[] } | null;
}

export const initialProvisioningState: ProvisioningState = { templates: new Map(), runs: new Map(), progress: new Map(), loaded: false, error: null, tenantId: null, planRunId: null, batch: null };

/** Provisioning: the tenant's templates and runs (plans and applies) live. Pure (no bridge); see provisioning-live.ts. */
export const useProvisioningStore = create<ProvisioningState>(() => initialProvisioningState);

let templatesCache: { templates: ProvisioningState['templates']; result: ProvisioningTemplate[] } | null = null;
let runsCache: { runs: RunsById; result: ProvisioningRun[] } | null = null;

export const provisioningSelectors = {
  /** By name, naturally ("site 2" before "site 10"); memoized on the map. */
  templates: (s: ProvisioningState): ProvisioningTemplate[] => {
    if (templatesCache?.templates === s.templates) return templatesCache.result;
    const result = [...s.templates.values()].sort((a, b) => naturalCompare(a.name.toLowerCase(), b.name.toLowerCase()) || a.id - b.id);
    templatesCache = { templates: s.templates, result };
    return result;
  },
  /** Every router's runs, newest first; memoized on the map. */
  runs: (s: ProvisioningState): ProvisioningRun[] => {
    if (runsCache?.runs === s.runs) return runsCache.result;
    const result = newestFirst(s.runs.values());
    runsCache = { runs: s.runs, result };
    return result;
  },
  run: (id: number | null) => (s: ProvisioningState) => (id === null ? null : (s.runs.get(id) ?? null)),
  progress: (s: ProvisioningState) => s.progress,
  planRun: (s: ProvisioningState) => (s.planRunId === null ? null : (s.runs.get(s.planRunId) ?? null)),
  planRunId: (s: ProvisioningState) => s.planRunId,
  batch: (s: ProvisioningState) => s.batch,
  loaded: (s: ProvisioningState) => s.loaded,
  error: (s: ProvisioningState) => s.error,
};

const set = useProvisioningStore.setState;
/** Runs of another tenant (a system admin's history read answers all of them) are not kept. */
const ours = (s: ProvisioningState, run: ProvisioningRun) => s.tenantId === null || run.tenantId === s.tenantId;

/** Templates and runs arrive whole, so an event the snapshot already holds replays harmlessly. */
export const provisioningActions = {
  snapshot(templates: readonly ProvisioningTemplate[], runs: readonly ProvisioningRun[]) {
    set((s) => {
      let map: RunsById = new Map();
      for (const run of runs) if (ours(s, run)) map = withRun(map, run);
      return { templates: new Map(templates.map((t) => [t.id, t])), runs: map, loaded: true, error: null };
    });
  },
  upsertTemplate(template: ProvisioningTemplate) {
    set((s) => ({ templates: new Map(s.templates).set(template.id, template) }));
  },
  removeTemplate(id: number) {
    set((s) => {
      if (!s.templates.has(id)) return {};
      const templates = new Map(s.templates);
      templates.delete(id);
      return { templates };
    });
  },
  run(run: ProvisioningRun) {
    set((s) => (ours(s, run) ? { runs: withRun(s.runs, run) } : {}));
  },
  /** Applies one event of `tenant.{id}.provisioning`; other names are ignored. */
  event(name: string, payload: unknown) {
    const event = runEventOf(name, payload);
    if (event?.kind === 'run') provisioningActions.run(event.run);
    else if (event?.kind === 'progress') set((s) => ({ progress: withProgress(s.progress, event.progress) }));
    else if (name === 'ProvisioningTemplateChanged') provisioningActions.upsertTemplate(payload as ProvisioningTemplate);
    else if (name === 'ProvisioningTemplateDeleted') provisioningActions.removeTemplate((payload as { id: number }).id);
  },
  /** null: the plan was applied (the apply re-plans and shows its own rows), or dismissed. */
  planned(runId: number | null) {
    set({ planRunId: runId });
  },
  applying(batchId: number, runIds: readonly number[]) {
    set({ batch: { batchId, runIds } });
  },
  clearBatch() {
    set({ batch: null });
  },
  failed(message: string) {
    set({ error: message });
  },
};

export function resetProvisioningStore(tenantId: number | null = null): void {
  templatesCache = null;
  runsCache = null;
  set({ ...initialProvisioningState, tenantId }, true);
}
