import { beforeEach, describe, expect, it } from 'vitest';
import type { ClaimedJob, JobStore, NewJob } from '../../jobs/job-store';
import type { ScheduleStore } from '../../jobs/scheduler';
import { freshFixture } from './fresh-fixture';

/** A fresh, empty job store (and schedule store) of one implementation, and how to throw it away. */
export interface JobStoreFixture {
  store: JobStore;
  schedules: ScheduleStore;
  close(): Promise<void>;
}

const T0 = 1_000_000;
const job = (fields: Partial<NewJob> = {}): NewJob => ({
  queue: 'default',
  name: 'jobs.noop',
  payload: '{}',
  tenantId: null,
  maxAttempts: 3,
  runAt: T0,
  now: T0,
  uniqueKey: null,
  ...fields,
});

/** What every JobStore implementation does, whatever database stands behind it. */
export function jobStoreContract(implementation: string, factory: () => Promise<JobStoreFixture>): void {
  describe(`JobStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    let store: JobStore;
    beforeEach(() => {
      store = fixture().store;
    });

    const claimOne = (queue = 'default', now = T0): ClaimedJob => {
      const [claimed] = store.claim(queue, 1, now);
      if (!claimed) throw new Error(`nothing to claim on ${queue}`);
      return claimed;
    };

    it('queues a job and reads it back as queued, with no attempt made', () => {
      const { jobId, deduplicated } = store.insert(job({ payload: '{"a":1}', tenantId: 7, uniqueKey: 'k' }));
      expect(deduplicated).toBe(false);
      expect(store.get(jobId)).toMatchObject({ id: jobId, queue: 'default', name: 'jobs.noop', payload: '{"a":1}', tenant_id: 7, status: 'queued', attempts: 0, max_attempts: 3, run_at: T0, unique_key: 'k' });
      expect(store.get(jobId + 1)).toBeUndefined();
    });

    it('keeps one queued or running job per unique key; once it finished the key is free again', () => {
      const first = store.insert(job({ uniqueKey: 'once' }));
      expect(store.insert(job({ uniqueKey: 'once', payload: '{"second":true}' }))).toEqual({ jobId: first.jobId, deduplicated: true });
      const claimed = claimOne();
      expect(store.insert(job({ uniqueKey: 'once' }))).toEqual({ jobId: first.jobId, deduplicated: true });
      store.apply({ kind: 'succeeded', job: claimed, startedAt: T0, finishedAt: T0 + 5, durationMs: 5, result: { ok: true } });
      const again = store.insert(job({ uniqueKey: 'once' }));
      expect(again.deduplicated).toBe(false);
      expect(again.jobId).not.toBe(first.jobId);
    });

    it('claims the ready jobs of one queue, oldest first, up to the limit, counting the attempt', () => {
      const late = store.insert(job({ runAt: T0 + 10 })).jobId;
      const early = store.insert(job({ runAt: T0 - 10 })).jobId;
      const future = store.insert(job({ runAt: T0 + 60_000 })).jobId;
      store.insert(job({ queue: 'other' }));
      expect(store.readyQueues(T0 + 10).sort()).toEqual(['default', 'other']);
      expect(store.nextRunAt(T0 + 10)).toBe(T0 + 60_000);
      const claimed = store.claim('default', 5, T0 + 10);
      expect(claimed.map((c) => c.id)).toEqual([early, late]);
      expect(claimed[0]).toMatchObject({ queue: 'default', name: 'jobs.noop', attempt: 1, maxAttempts: 3, tenantId: null });
      expect(store.get(early)).toMatchObject({ status: 'running', attempts: 1 });
      expect(store.get(future)).toMatchObject({ status: 'queued', attempts: 0 });
      expect(store.claim('default', 5, T0 + 10)).toEqual([]);
      expect(store.interrupted().map((j) => j.id).sort()).toEqual([early, late].sort());
    });

    it('completes a job with its result', () => {
      const { jobId } = store.insert(job());
      const claimed = claimOne();
      store.apply({ kind: 'succeeded', job: claimed, startedAt: T0, finishedAt: T0 + 7, durationMs: 7, result: { created: 2 } });
      expect(store.get(jobId)).toMatchObject({ status: 'succeeded', finished_at: T0 + 7, duration_ms: 7, progress: 1, result: '{"created":2}' });
    });

    it('requeues a failed attempt for its retry time and keeps the attempt; a last failure stays failed and drops the private input', () => {
      const { jobId } = store.insert(job());
      store.putPrivateInput(jobId, '{"secret":"x"}');
      store.apply({ kind: 'failed', job: claimOne(), startedAt: T0, finishedAt: T0 + 1, durationMs: 1, error: 'router timed out', permanent: false, retryAt: T0 + 1_000 });
      expect(store.get(jobId)).toMatchObject({ status: 'queued', run_at: T0 + 1_000, last_error: 'router timed out', attempts: 1 });
      expect(store.claim('default', 1, T0 + 999)).toEqual([]);
      const second = claimOne('default', T0 + 1_000);
      expect(second.attempt).toBe(2);
      store.apply({ kind: 'failed', job: second, startedAt: T0 + 1_000, finishedAt: T0 + 1_001, durationMs: 1, error: 'refused for good', permanent: true, retryAt: null });
      expect(store.get(jobId)).toMatchObject({ status: 'failed', last_error: 'refused for good', attempts: 2 });
      expect(store.failedAttempts(jobId).map((a) => [a.attempt, a.error, a.permanent])).toEqual([
        [1, 'router timed out', false],
        [2, 'refused for good', true],
      ]);
      expect(store.takePrivateInput(jobId)).toBeUndefined();
    });

    it('retries a failed job by hand with one more attempt; a queued one is not retried', () => {
      const { jobId } = store.insert(job({ maxAttempts: 1 }));
      store.apply({ kind: 'failed', job: claimOne(), startedAt: T0, finishedAt: T0 + 1, durationMs: 1, error: 'no', permanent: false, retryAt: null });
      expect(store.retry(jobId, T0 + 50)).toBe(true);
      expect(store.get(jobId)).toMatchObject({ status: 'queued', run_at: T0 + 50, max_attempts: 2, attempts: 1 });
      expect(store.retry(jobId, T0 + 60)).toBe(false);
      expect(claimOne('default', T0 + 50).attempt).toBe(2);
    });

    it('cancels only queued jobs (dropping their private input) and discards only failed or cancelled ones', () => {
      const queued = store.insert(job()).jobId;
      store.putPrivateInput(queued, '{"pin":"1"}');
      expect(store.discard(queued)).toBe(false);
      expect(store.cancelQueued(queued, T0 + 1)).toBe(true);
      expect(store.get(queued)).toMatchObject({ status: 'cancelled', finished_at: T0 + 1 });
      expect(store.takePrivateInput(queued)).toBeUndefined();
      const running = store.insert(job()).jobId;
      claimOne();
      expect(store.cancelQueued(running, T0 + 2)).toBe(false);
      expect(store.discard(queued)).toBe(true);
      expect(store.get(queued)).toBeUndefined();
    });

    it('gives an unstarted claim its attempt back', () => {
      const { jobId } = store.insert(job());
      store.apply({ kind: 'unstarted', job: claimOne() });
      expect(store.get(jobId)).toMatchObject({ status: 'queued', attempts: 0 });
    });

    it('hands a private input out once', () => {
      const { jobId } = store.insert(job());
      store.putPrivateInput(jobId, '{"email":"a@b.example"}');
      expect(store.takePrivateInput(jobId)).toBe('{"email":"a@b.example"}');
      expect(store.takePrivateInput(jobId)).toBeUndefined();
    });

    it('lists one tenant its own jobs only, newest first, by status and queue, paging back', () => {
      const a1 = store.insert(job({ tenantId: 1 })).jobId;
      const b1 = store.insert(job({ tenantId: 2 })).jobId;
      const a2 = store.insert(job({ tenantId: 1, queue: 'other' })).jobId;
      const system = store.insert(job({ tenantId: null })).jobId;
      const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
      expect(ids(store.list({ tenantId: 1 }, { limit: 10 }))).toEqual([a2, a1]);
      expect(ids(store.list({ tenantId: 2 }, { limit: 10 }))).toEqual([b1]);
      expect(ids(store.list('all', { limit: 10 }))).toEqual([system, a2, b1, a1]);
      expect(ids(store.list('all', { limit: 2, beforeId: a2 }))).toEqual([b1, a1]);
      expect(ids(store.list({ tenantId: 1 }, { queue: 'other', limit: 10 }))).toEqual([a2]);
      store.apply({ kind: 'failed', job: claimOne(), startedAt: T0, finishedAt: T0 + 1, durationMs: 1, error: 'x', permanent: true, retryAt: null });
      expect(ids(store.list('all', { status: 'failed', limit: 10 }))).toEqual([a1]);
      expect(ids(store.failed({ tenantId: 1 }, { limit: 10 }))).toEqual([a1]);
      expect(store.failed({ tenantId: 2 }, { limit: 10 })).toEqual([]);
      expect(store.counts().failed).toEqual([{ queue: 'default', tenantId: 1, n: 1 }]);
    });

    it('rolls back every write of a transaction that throws', () => {
      let inserted = 0;
      expect(() =>
        store.transaction(() => {
          inserted = store.insert(job({ uniqueKey: 'rolled-back' })).jobId;
          throw new Error('refused');
        }),
      ).toThrow('refused');
      expect(store.existing([inserted]).size).toBe(0);
      expect(store.insert(job({ uniqueKey: 'rolled-back' })).deduplicated).toBe(false);
    });

    it('keeps schedules: an unchanged one keeps its next run, a changed one is re-timed; due ones soonest first', () => {
      const { schedules } = fixture();
      schedules.upsert({ key: 'rollup', job: 'jobs.noop', payload: {}, every: { seconds: 60 } }, T0);
      schedules.upsert({ key: 'sweep', job: 'jobs.noop', payload: {}, every: { seconds: 30 } }, T0);
      expect(schedules.nextDue()).toBe(T0 + 30_000);
      schedules.upsert({ key: 'rollup', job: 'jobs.noop', payload: {}, every: { seconds: 60 } }, T0 + 10_000);
      expect(schedules.all().find((r) => r.key === 'rollup')).toMatchObject({ next_run_at: T0 + 60_000, every_seconds: 60 });
      schedules.upsert({ key: 'rollup', job: 'jobs.noop', payload: {}, every: { seconds: 15 } }, T0 + 10_000);
      expect(schedules.nextDue()).toBe(T0 + 25_000);
      expect(schedules.due(T0 + 24_000)).toEqual([]);
      expect(schedules.due(T0 + 40_000).map((r) => r.key)).toEqual(['rollup', 'sweep']);
      schedules.ticked('sweep', T0 + 70_000, 42, T0 + 40_000);
      schedules.ticked('rollup', T0 + 60_000, null, T0 + 40_000);
      expect(schedules.all()).toMatchObject([
        { key: 'rollup', next_run_at: T0 + 60_000, skipped: 1, last_job_id: null },
        { key: 'sweep', next_run_at: T0 + 70_000, skipped: 0, last_job_id: 42, last_enqueued_at: T0 + 40_000 },
      ]);
      schedules.remove('rollup');
      expect(schedules.all().map((r) => r.key)).toEqual(['sweep']);
    });

    it('prunes succeeded and cancelled jobs finished before a cutoff, never failed or queued ones', () => {
      const done = store.insert(job()).jobId;
      store.apply({ kind: 'succeeded', job: claimOne(), startedAt: T0, finishedAt: T0 + 1, durationMs: 1, result: undefined });
      const failed = store.insert(job()).jobId;
      store.apply({ kind: 'failed', job: claimOne(), startedAt: T0, finishedAt: T0 + 1, durationMs: 1, error: 'x', permanent: true, retryAt: null });
      const queued = store.insert(job({ runAt: T0 + 100_000 })).jobId;
      expect(store.prune(T0 + 2)).toBe(1);
      expect([...store.existing([done, failed, queued])].sort()).toEqual([failed, queued].sort());
    });
  });
}
