import type { Result } from '../../../../main/contract/errors';
import type { JobSummary } from '../../../../main/jobs/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { jobsActions, resetJobsStore, type JobsSnapshot } from './jobs-store';

/**
 * Jobs: `jobs.queues` + `jobs.failed` once, then JobStatsUpdated / JobFailed / JobQueued /
 * JobProcessed on the user's channel: `system.jobs` for system admins (every job),
 * `tenant.{id}.jobs` for tenant users (their tenant's). No polling.
 */
export function attachJobs(channel: string): () => void {
  resetJobsStore();
  return attachLiveChannel<JobsSnapshot>({
    channel,
    fetchSnapshot: async () => {
      const [stats, failed] = await Promise.all([api.invoke('jobs.queues', {}), api.invoke('jobs.failed', { limit: 200 })]);
      if (!stats.ok) return stats;
      if (!failed.ok) return failed;
      return { ok: true, data: { stats: stats.data, failed: failed.data.jobs, access: failed.data.access } };
    },
    onSnapshot: jobsActions.snapshot,
    onEvent: jobsActions.event,
    onError: jobsActions.failed,
  });
}

/** Queues the job again; it leaves the failed list at once (its JobQueued event repeats that). */
export async function retryJob(id: number): Promise<Result<JobSummary>> {
  const result = await api.invoke('jobs.retry', { id });
  if (result.ok) jobsActions.left([id]);
  return result;
}

export async function discardJob(id: number): Promise<Result<{ id: number }>> {
  const result = await api.invoke('jobs.discard', { id });
  if (result.ok) jobsActions.left([id]);
  return result;
}

export async function openJobDetail(id: number): Promise<void> {
  const result = await api.invoke('jobs.detail', { id });
  if (result.ok) jobsActions.detail(result.data);
  else jobsActions.detail(null, result.error.message);
}

export function closeJobDetail(): void {
  jobsActions.detail(null);
}
