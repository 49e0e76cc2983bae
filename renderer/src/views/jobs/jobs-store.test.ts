import { beforeEach, describe, expect, it } from 'vitest';
import type { JobAccess, JobSummary, QueueStatsSnapshot } from '../../../../main/jobs/contract';
import { jobsActions, jobsSelectors, mayOnJob, resetJobsStore, useJobsStore } from './jobs-store';

const job = (id: number, finishedAt: string): JobSummary => ({
  id,
  queue: 'default',
  name: 'jobs.diagnostic',
  kind: 'operations',
  tenantId: 1,
  status: 'failed',
  attempts: 3,
  maxAttempts: 3,
  runAt: finishedAt,
  createdAt: finishedAt,
  startedAt: finishedAt,
  finishedAt,
  durationMs: 1,
  progress: null,
  progressMessage: null,
  lastError: 'boom',
  uniqueKey: null,
  payloadSummary: '{}',
  payloadHidden: false,
});
// An operator's access, as jobs.failed sends it.
const operator: JobAccess = { operations: ['payload', 'retry', 'cancel', 'discard'], admin: [], security: [] };
const stats = (at: string, failed: number): QueueStatsSnapshot => ({
  at,
  queues: [{ queue: 'default', priority: 10, busyWorkers: 0, workers: 1, queued: 0, running: 0, failed, completedPerMinute: 0, p95DurationMs: null }],
});
const ids = () => jobsSelectors.failed(useJobsStore.getState()).map((j) => j.id);

describe('jobs store', () => {
  beforeEach(resetJobsStore);

  it('keeps failed jobs newest first; retried or processed jobs leave the list', () => {
    jobsActions.snapshot({ stats: stats('2025-01-01T00:00:00Z', 2), failed: [job(1, '2025-01-01T00:00:01Z'), job(2, '2025-01-01T00:00:02Z')], access: operator });
    expect(ids()).toEqual([2, 1]);
    jobsActions.event('JobFailed', { items: [{ ...job(3, '2025-01-01T00:00:03Z'), willRetry: false }, { ...job(4, '2025-01-01T00:00:04Z'), willRetry: true }], more: 0 });
    expect(ids()).toEqual([3, 2, 1]);
    jobsActions.event('JobQueued', { items: [{ id: 2, queue: 'default', name: 'x', tenantId: 1, runAt: '' }], more: 0 });
    jobsActions.event('JobProcessed', { items: [{ id: 1, queue: 'default', name: 'x', tenantId: 1, durationMs: 1 }], more: 0 });
    expect(ids()).toEqual([3]);
  });

  it('takes newer stats and ignores older ones', () => {
    jobsActions.snapshot({ stats: stats('2025-01-01T00:00:05Z', 1), failed: [], access: operator });
    jobsActions.event('JobStatsUpdated', stats('2025-01-01T00:00:04Z', 9));
    expect(useJobsStore.getState().queues[0]!.failed).toBe(1);
    jobsActions.event('JobStatsUpdated', stats('2025-01-01T00:00:06Z', 0));
    expect(useJobsStore.getState().queues[0]!.failed).toBe(0);
  });

  it('offers only the actions the snapshot says the role may take on each kind of job', () => {
    const admin = { ...job(5, '2025-01-01T00:00:05Z'), kind: 'admin' as const, queue: 'user-management', payloadHidden: true, payloadSummary: '' };
    expect(mayOnJob(useJobsStore.getState().access, job(1, ''), 'retry')).toBe(false); // nothing before the snapshot
    jobsActions.snapshot({ stats: stats('2025-01-01T00:00:05Z', 1), failed: [admin], access: operator });
    const { access } = useJobsStore.getState();
    expect(mayOnJob(access, job(1, ''), 'retry')).toBe(true);
    expect((['payload', 'retry', 'cancel', 'discard'] as const).map((a) => mayOnJob(access, admin, a))).toEqual([false, false, false, false]);
  });
});
