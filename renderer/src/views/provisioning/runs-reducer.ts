import type { ProvisioningProgress, ProvisioningRun } from '../../../../main/provisioning/contract';

export type RunsById = ReadonlyMap<number, ProvisioningRun>;

/** The live line of an apply under way: step n of m and the step's label (RouterProvisioningProgress). */
export interface RunProgress {
  step: number;
  of: number;
  label: string;
}

export type ProgressById = ReadonlyMap<number, RunProgress>;

const FINAL = new Set<ProvisioningRun['state']>(['planned', 'applied', 'failed']);
export const isFinal = (run: Pick<ProvisioningRun, 'state'>): boolean => FINAL.has(run.state);

/**
 * A run event replaces the run, except that a finished run never goes back to a state before it:
 * events held while a snapshot loads replay after it, and the snapshot may already be newer.
 */
export function withRun(runs: RunsById, run: ProvisioningRun): RunsById {
  const known = runs.get(run.id);
  if (known && isFinal(known) && !isFinal(run)) return runs;
  if (known && !isFinal(run) && known.state === run.state && known.stepsDone > run.stepsDone) return runs;
  return new Map(runs).set(run.id, run);
}

/** Progress only moves forward (a late event of an earlier step changes nothing). */
export function withProgress(progress: ProgressById, p: ProvisioningProgress): ProgressById {
  const known = progress.get(p.runId);
  if (known && known.step >= p.step) return progress;
  return new Map(progress).set(p.runId, { step: p.step, of: p.of, label: p.label });
}

/** Where an apply stands: the progress event's step when it is ahead of the run's own count. */
export function stepOf(run: ProvisioningRun, progress: RunProgress | undefined): RunProgress {
  const of = progress?.of ?? run.steps.length;
  if (progress && progress.step >= run.stepsDone) return progress;
  return { step: run.stepsDone, of, label: run.steps[run.stepsDone - 1]?.label ?? '' };
}

/** Newest first (ids grow with time), at most `limit`. */
export function newestFirst(runs: Iterable<ProvisioningRun>, limit = Infinity): ProvisioningRun[] {
  return [...runs].sort((a, b) => b.id - a.id).slice(0, limit);
}

export type RunEvent = { kind: 'run'; run: ProvisioningRun } | { kind: 'progress'; progress: ProvisioningProgress } | { kind: 'template' } | null;

/** What one event of `tenant.{id}.provisioning` is to the runs. */
export function runEventOf(name: string, payload: unknown): RunEvent {
  if (name === 'RouterProvisioningPlanned' || name === 'RouterProvisioningCompleted' || name === 'RouterProvisioningFailed') return { kind: 'run', run: payload as ProvisioningRun };
  if (name === 'RouterProvisioningProgress') return { kind: 'progress', progress: payload as ProvisioningProgress };
  if (name === 'ProvisioningTemplateChanged' || name === 'ProvisioningTemplateDeleted') return { kind: 'template' };
  return null;
}

/** One router's runs as its page holds them. */
export interface RouterRuns {
  runs: RunsById;
  progress: ProgressById;
  loaded: boolean;
  error: string | null;
}

/** Applies one provisioning event to one router's runs (others' runs are not kept). */
export function routerRunsEvent(state: RouterRuns, routerId: number, name: string, payload: unknown): RouterRuns {
  const event = runEventOf(name, payload);
  if (event?.kind === 'run' && event.run.routerId === routerId) return { ...state, runs: withRun(state.runs, event.run) };
  if (event?.kind === 'progress' && event.progress.routerId === routerId) return { ...state, progress: withProgress(state.progress, event.progress) };
  return state;
}
