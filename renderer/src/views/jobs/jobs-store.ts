import { create } from 'zustand';
import type { JobAccess, JobAction, JobBatch, JobDetail, JobEventItem, JobSummary, QueueStats, QueueStatsSnapshot } from '../../../../main/jobs/contract';

export interface JobsSnapshot {
  stats: QueueStatsSnapshot;
  failed: JobSummary[];
  /** What the user may do with jobs of each kind (from the permission table, with the snapshot). */
  access: JobAccess;
}

export interface JobsState {
  queues: readonly QueueStats[];
  statsAt: string | null;
  /** Failed jobs (kept until retried or discarded), by id. */
  failed: ReadonlyMap<number, JobSummary>;
  access: JobAccess | null;
  loaded: boolean;
  error: string | null;
  /** The job whose detail is open, once fetched. */
  detail: JobDetail | null;
  detailError: string | null;
}

export const initialJobsState: JobsState = { queues: [], statsAt: null, failed: new Map(), access: null, loaded: false, error: null, detail: null, detailError: null };

/** The Jobs store (like `supervisorctl status` / Horizon). Pure (no bridge); see jobs-live.ts. */
export const useJobsStore = create<JobsState>(() => initialJobsState);

let failedCache: { failed: JobsState['failed']; result: JobSummary[] } | null = null;

export const jobsSelectors = {
  queues: (s: JobsState) => s.queues,
  /** Most recent failure first. */
  failed: (s: JobsState): JobSummary[] => {
    if (failedCache?.failed === s.failed) return failedCache.result;
    const result = [...s.failed.values()].sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? '') || b.id - a.id);
    failedCache = { failed: s.failed, result };
    return result;
  },
  loaded: (s: JobsState) => s.loaded,
  error: (s: JobsState) => s.error,
  detail: (s: JobsState) => s.detail,
  detailError: (s: JobsState) => s.detailError,
  access: (s: JobsState) => s.access,
};

/** Whether the user may take `action` on this job: its kind decides (nothing before the snapshot). */
export const mayOnJob = (access: JobAccess | null, job: Pick<JobSummary, 'kind'>, action: JobAction): boolean => access?.[job.kind]?.includes(action) ?? false;

const set = useJobsStore.setState;
const withFailed = (s: JobsState, change: (map: Map<number, JobSummary>) => boolean): Partial<JobsState> => {
  const failed = new Map(s.failed);
  return change(failed) ? { failed } : {};
};

/**
 * Events are batches (see main/jobs/contract.ts). Stats replace the table when newer; a
 * failure that will not be retried joins the failed list; a job queued again or processed
 * leaves it. Replaying an event the snapshot covers is harmless.
 */
export const jobsActions = {
  snapshot({ stats, failed, access }: JobsSnapshot) {
    set({ queues: stats.queues, statsAt: stats.at, failed: new Map(failed.map((j) => [j.id, j])), access, loaded: true, error: null });
  },
  stats(snapshot: QueueStatsSnapshot) {
    set((s) => (s.statsAt !== null && snapshot.at < s.statsAt ? {} : { queues: snapshot.queues, statsAt: snapshot.at }));
  },
  failedJobs(items: ReadonlyArray<JobSummary & { willRetry: boolean }>) {
    set((s) =>
      withFailed(s, (m) => {
        for (const { willRetry, ...job } of items) {
          if (willRetry) m.delete(job.id);
          else m.set(job.id, job);
        }
        return items.length > 0;
      }),
    );
  },
  left(ids: readonly number[]) {
    set((s) => withFailed(s, (m) => ids.reduce((changed, id) => m.delete(id) || changed, false)));
  },
  event(name: string, payload: unknown) {
    if (name === 'JobStatsUpdated') jobsActions.stats(payload as QueueStatsSnapshot);
    else if (name === 'JobFailed') jobsActions.failedJobs((payload as JobBatch<JobSummary & { willRetry: boolean }>).items);
    else if (name === 'JobQueued' || name === 'JobProcessed') jobsActions.left((payload as JobBatch<JobEventItem>).items.map((i) => i.id));
  },
  failed(message: string) {
    set({ error: message });
  },
  detail(detail: JobDetail | null, error: string | null = null) {
    set({ detail, detailError: error });
  },
};

export function resetJobsStore(): void {
  failedCache = null;
  useJobsStore.setState(initialJobsState, true);
}
