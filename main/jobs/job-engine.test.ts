import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, jobSet, type JobRegistry } from './define-job';
import { PermanentJobError } from './errors';
import { createEngine, Gate, statusOf, testQueue, type EngineFixture } from './testing/engine-fixture';

const fixtures: Array<EngineFixture<JobRegistry>> = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.close();
});
function fixture<R extends JobRegistry>(options: Parameters<typeof createEngine<R>>[0]): EngineFixture<R> {
  const f = createEngine(options);
  fixtures.push(f as unknown as EngineFixture<JobRegistry>);
  return f;
}

/** Handlers that record what ran and can be held at a gate per key. */
function recorder() {
  const order: string[] = [];
  const gates = new Map<string, Gate>();
  const started = new Map<string, Gate>();
  let running = 0;
  let maxRunning = 0;
  const startedGate = (key: string) => {
    if (!started.has(key)) started.set(key, new Gate());
    return started.get(key)!;
  };
  return {
    order,
    get maxRunning() {
      return maxRunning;
    },
    hold(key: string) {
      const gate = new Gate();
      gates.set(key, gate);
      return gate;
    },
    started: (key: string) => startedGate(key).promise,
    async run(key: string, signal: AbortSignal) {
      order.push(key);
      running++;
      maxRunning = Math.max(maxRunning, running);
      startedGate(key).open();
      try {
        const gate = gates.get(key);
        if (gate) {
          await Promise.race([
            gate.promise,
            new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
          ]);
        }
      } finally {
        running--;
      }
    },
  };
}

function registry(rec: ReturnType<typeof recorder>, failures = new Map<string, number>()) {
  const payload = z.object({ key: z.string() });
  const handler = async ({ key }: { key: string }, ctx: { attempt: number; signal: AbortSignal }) => {
    await rec.run(key, ctx.signal);
    const failUntil = failures.get(key) ?? 0;
    if (key.startsWith('permanent')) throw new PermanentJobError(`bad input for ${key}`);
    if (ctx.attempt <= failUntil) throw new Error(`${key} failed on attempt ${ctx.attempt}`);
    return { key };
  };
  return jobSet(
    defineJob({ name: 't.a', queue: 'alpha', runs: 'main', summary: '', payload, handler }),
    defineJob({ name: 't.b', queue: 'beta', runs: 'main', summary: '', payload, handler }),
    defineJob({ name: 't.c', queue: 'gamma', runs: 'main', summary: '', payload, handler }),
  );
}

const queues = [
  testQueue('alpha', { priority: 20 }),
  testQueue('beta', { priority: 5, workers: 2 }),
  testQueue('gamma', { priority: 10, timeoutSeconds: 0.05, attempts: 2 }),
  testQueue('default'),
];

describe('JobEngine (main-process handlers)', () => {
  it('runs queued jobs to succeeded and stores their results', async () => {
    const rec = recorder();
    const f = fixture({ registry: registry(rec), queues, schedules: [] });
    const { jobId, deduplicated } = f.engine.enqueue('t.a', { key: 'one' });
    expect(deduplicated).toBe(false);
    f.engine.start();
    await f.engine.drained();
    expect(f.engine.detail(jobId)).toMatchObject({ status: 'succeeded', attempts: 1, result: { key: 'one' }, progress: 1 });
  });

  it('rejects an unknown job or a bad payload with invalid_input and writes nothing', () => {
    const f = fixture({ registry: registry(recorder()), queues, schedules: [] });
    expect(() => f.engine.enqueue('t.a', { key: 7 } as never)).toThrow(/invalid payload for job t.a/);
    expect(() => f.engine.enqueue('nope' as never, {} as never)).toThrow(/no job named "nope"/);
    expect(f.db.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual({ n: 0 });
  });

  it('joins the caller transaction: a rollback leaves no job and no JobQueued event', async () => {
    const f = fixture({ registry: registry(recorder()), queues, schedules: [] });
    f.engine.start();
    expect(() =>
      f.db.transaction(() => {
        f.engine.enqueue('t.a', { key: 'ghost' });
        throw new Error('caller changed its mind');
      })(),
    ).toThrow('caller changed its mind');
    const kept = f.engine.enqueue('t.a', { key: 'kept' }, { tenantId: 2 });
    const queued = await f.nextEvent((e) => e.name === 'JobQueued' && e.channel === 'system.jobs');
    await f.engine.drained();
    expect((queued.payload as { items: Array<{ id: number }> }).items.map((i) => i.id)).toEqual([kept.jobId]);
    expect(f.db.prepare('SELECT count(*) AS n FROM jobs').get()).toEqual({ n: 1 });
  });

  it('keeps at most one queued-or-running job per unique key', async () => {
    const rec = recorder();
    const gate = rec.hold('poll-17');
    const f = fixture({ registry: registry(rec), queues, schedules: [] });
    const first = f.engine.enqueue('t.a', { key: 'poll-17' }, { uniqueKey: 'router:17' });
    expect(f.engine.enqueue('t.a', { key: 'poll-17' }, { uniqueKey: 'router:17' })).toEqual({ jobId: first.jobId, deduplicated: true });
    f.engine.start();
    await rec.started('poll-17');
    expect(f.engine.enqueue('t.a', { key: 'poll-17' }, { uniqueKey: 'router:17' })).toEqual({ jobId: first.jobId, deduplicated: true });
    gate.open();
    await f.engine.drained();
    const again = f.engine.enqueue('t.a', { key: 'later' }, { uniqueKey: 'router:17' });
    expect(again.deduplicated).toBe(false);
    expect(again.jobId).not.toBe(first.jobId);
  });

  it('runs FIFO within a queue and claims lower priority numbers first across queues', async () => {
    const rec = recorder();
    const f = fixture({ registry: registry(rec), queues, schedules: [] });
    for (let i = 0; i < 3; i++) f.engine.enqueue('t.a', { key: `alpha-${i}` });
    for (let i = 0; i < 3; i++) f.engine.enqueue('t.c', { key: `gamma-${i}` });
    f.engine.enqueue('t.b', { key: 'beta-0' });
    f.engine.start();
    await f.engine.drained();
    expect(rec.order.slice(0, 3)).toEqual(['beta-0', 'gamma-0', 'alpha-0']);
    expect(rec.order.filter((k) => k.startsWith('alpha'))).toEqual(['alpha-0', 'alpha-1', 'alpha-2']);
    expect(rec.order.filter((k) => k.startsWith('gamma'))).toEqual(['gamma-0', 'gamma-1', 'gamma-2']);
  });

  it('never runs more jobs of a queue at once than its workers', async () => {
    const rec = recorder();
    const gates = Array.from({ length: 6 }, (_, i) => rec.hold(`b${i}`));
    const f = fixture({ registry: registry(rec), queues, schedules: [] });
    for (let i = 0; i < 6; i++) f.engine.enqueue('t.b', { key: `b${i}` });
    f.engine.start();
    await Promise.all([rec.started('b0'), rec.started('b1')]);
    expect(f.engine.queueStats().queues.find((q) => q.queue === 'beta')).toMatchObject({ busyWorkers: 2, workers: 2, running: 2 });
    for (const gate of gates) gate.open();
    await f.engine.drained();
    expect(rec.order).toHaveLength(6);
    expect(rec.maxRunning).toBe(2);
  });

  it('holds delayed jobs until their time', async () => {
    let now = Date.UTC(2025, 0, 1);
    const rec = recorder();
    const f = fixture({ registry: registry(rec), queues, schedules: [], clock: () => now });
    const { jobId } = f.engine.enqueue('t.a', { key: 'later' }, { runAt: new Date(now + 60_000) });
    f.engine.enqueue('t.a', { key: 'now' });
    f.engine.start();
    await f.engine.drained();
    expect(rec.order).toEqual(['now']);
    expect(statusOf(f.db, jobId)).toBe('queued');
    now += 60_000;
    f.engine.checkDue();
    await f.engine.drained();
    expect(rec.order).toEqual(['now', 'later']);
    expect(statusOf(f.db, jobId)).toBe('succeeded');
  });

  it('retries with exponential backoff, then keeps the job as failed with its error', async () => {
    let now = Date.UTC(2025, 0, 1);
    const rec = recorder();
    const f = fixture({ registry: registry(rec, new Map([['flaky', 99]])), queues, schedules: [], clock: () => now, random: () => 1 });
    const { jobId } = f.engine.enqueue('t.a', { key: 'flaky' });
    const finalFailure = f.nextEvent((e) => e.name === 'JobFailed' && e.channel === 'system.jobs' && (e.payload as { items: Array<{ willRetry: boolean }> }).items.some((i) => !i.willRetry));
    f.engine.start();
    const runAts: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      await f.engine.drained();
      const row = f.engine.store.get(jobId)!;
      expect(row).toMatchObject({ status: 'queued', attempts: attempt, last_error: `flaky failed on attempt ${attempt}` });
      runAts.push(row.run_at - now);
      now = row.run_at;
      f.engine.checkDue();
    }
    await f.engine.drained();
    expect(runAts).toEqual([1000, 2000]);
    const detail = f.engine.detail(jobId);
    expect(detail).toMatchObject({ status: 'failed', attempts: 3, lastError: 'flaky failed on attempt 3' });
    expect(detail.failedAttempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(f.engine.failed('all', { limit: 10 }).map((j) => j.id)).toEqual([jobId]);
    await finalFailure;
    const failed = f.published.filter((e) => e.name === 'JobFailed' && e.channel === 'system.jobs');
    const items = failed.flatMap((e) => (e.payload as { items: Array<{ willRetry: boolean }> }).items);
    expect(items.map((i) => i.willRetry)).toEqual([true, true, false]);
  });

  it('does not retry a permanent error', async () => {
    const f = fixture({ registry: registry(recorder()), queues, schedules: [] });
    const { jobId } = f.engine.enqueue('t.a', { key: 'permanent-1' });
    f.engine.start();
    await f.engine.drained();
    expect(f.engine.detail(jobId)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'bad input for permanent-1' });
    expect(f.engine.detail(jobId).failedAttempts[0]).toMatchObject({ permanent: true });
  });

  it('fails an attempt that passes its queue timeout, aborting the handler', async () => {
    const rec = recorder();
    rec.hold('slow');
    const f = fixture({ registry: registry(rec), queues, schedules: [], random: () => 0 });
    const { jobId } = f.engine.enqueue('t.c', { key: 'slow' }, { maxAttempts: 1 });
    f.engine.start();
    await f.engine.drained();
    expect(f.engine.detail(jobId)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('timed out after 0.05 s') });
  });

  it('cancels queued and running jobs; retries and discards failed ones', async () => {
    const rec = recorder();
    rec.hold('running');
    const f = fixture({ registry: registry(rec), queues, schedules: [] });
    const running = f.engine.enqueue('t.a', { key: 'running' });
    const waiting = f.engine.enqueue('t.a', { key: 'waiting' });
    f.engine.start();
    await rec.started('running');
    expect(f.engine.cancel(waiting.jobId).status).toBe('cancelled');
    f.engine.cancel(running.jobId);
    await f.engine.drained();
    expect(statusOf(f.db, running.jobId)).toBe('cancelled');
    expect(statusOf(f.db, waiting.jobId)).toBe('cancelled');
    expect(rec.order).toEqual(['running']);
    expect(() => f.engine.cancel(waiting.jobId)).toThrow(/only queued or running jobs can be cancelled/);

    expect(f.engine.retry(waiting.jobId).status).toBe('queued');
    await f.engine.drained();
    expect(statusOf(f.db, waiting.jobId)).toBe('succeeded');
    expect(() => f.engine.discard(waiting.jobId)).toThrow(/only failed or cancelled jobs can be discarded/);
    f.engine.discard(running.jobId);
    expect(f.engine.store.get(running.jobId)).toBeUndefined();
  });

  it('a retried failed job gets one more attempt', async () => {
    const f = fixture({ registry: registry(recorder(), new Map([['once', 1]])), queues, schedules: [] });
    const { jobId } = f.engine.enqueue('t.a', { key: 'once' }, { maxAttempts: 1 });
    f.engine.start();
    await f.engine.drained();
    expect(statusOf(f.db, jobId)).toBe('failed');
    f.engine.retry(jobId);
    await f.engine.drained();
    expect(f.engine.detail(jobId)).toMatchObject({ status: 'succeeded', attempts: 2, maxAttempts: 2 });
  });

  it('recovers jobs left running by a dead process: the attempt counts', async () => {
    const f = fixture({ registry: registry(recorder()), queues, schedules: [] });
    const again = f.engine.enqueue('t.a', { key: 'again' });
    const spent = f.engine.enqueue('t.a', { key: 'spent' }, { maxAttempts: 1 });
    // What a killed process leaves: claimed rows, attempt counted, never finished.
    f.engine.store.claim('alpha', 10, Date.now());
    f.engine.start();
    await f.engine.drained();
    expect(f.engine.detail(again.jobId)).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(f.engine.detail(again.jobId).failedAttempts[0]!.error).toMatch(/interrupted: the console stopped while attempt 1 ran/);
    expect(f.engine.detail(spent.jobId)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('last attempt') });
  });

  it('scopes views and actions by tenant, and publishes on tenant and system channels', async () => {
    const f = fixture({ registry: registry(recorder()), queues, schedules: [] });
    const mine = f.engine.enqueue('t.a', { key: 'mine' }, { tenantId: 1 });
    const theirs = f.engine.enqueue('t.a', { key: 'theirs' }, { tenantId: 2 });
    const system = f.engine.enqueue('t.a', { key: 'system' });
    const tenantProcessed = f.nextEvent((e) => e.name === 'JobProcessed' && e.channel === 'tenant.1.jobs');
    const tenantStats = f.nextEvent(
      (e) => e.name === 'JobStatsUpdated' && e.channel === 'tenant.1.jobs' && (e.payload as { queues: Array<{ queue: string; completedPerMinute: number }> }).queues.some((q) => q.queue === 'alpha' && q.completedPerMinute === 1),
    );
    f.engine.start();
    await f.engine.drained();
    const event = await tenantProcessed;
    expect((event.payload as { items: Array<{ id: number }> }).items.map((i) => i.id)).toEqual([mine.jobId]);
    expect(f.engine.list({ tenantId: 1 }, { limit: 10 }).map((j) => j.id)).toEqual([mine.jobId]);
    expect(f.engine.list('all', { limit: 10 }).map((j) => j.id)).toEqual([system.jobId, theirs.jobId, mine.jobId]);
    expect(() => f.engine.detail(theirs.jobId, { tenantId: 1 })).toThrow(/there is no job/);
    expect(() => f.engine.retry(system.jobId, { tenantId: 1 })).toThrow(/there is no job/);
    const stats = await tenantStats;
    expect(stats.payload).toMatchObject({ queues: expect.arrayContaining([expect.objectContaining({ queue: 'alpha', completedPerMinute: 1, failed: 0 })]) });
    expect(f.engine.queueStats('all').queues.find((q) => q.queue === 'alpha')!.completedPerMinute).toBe(3);
  });

  it('writes a JSON-lines log per queue that a job detail shows', async () => {
    const f = fixture({ registry: registry(recorder(), new Map([['logged', 1]])), queues, schedules: [], random: () => 0 });
    let now = Date.now();
    void now;
    const { jobId } = f.engine.enqueue('t.a', { key: 'logged' }, { maxAttempts: 1 });
    f.engine.start();
    await f.engine.drained();
    const lines = f.engine.detail(jobId).logLines;
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'job failed', queue: 'alpha', jobId, error: 'logged failed on attempt 1' })]);
    now = 0;
  });

  it('stop() waits for a running job, and interrupts it after the bound', async () => {
    const rec = recorder();
    const gate = rec.hold('finishing');
    const f = fixture({ registry: registry(rec), queues, schedules: [] });
    const finishing = f.engine.enqueue('t.a', { key: 'finishing' });
    const next = f.engine.enqueue('t.a', { key: 'next' });
    f.engine.start();
    await rec.started('finishing');
    const stopped = f.engine.stop();
    gate.open();
    await stopped;
    expect(statusOf(f.db, finishing.jobId)).toBe('succeeded');
    expect(f.engine.store.get(next.jobId)).toMatchObject({ status: 'queued', attempts: 0 });

    const rec2 = recorder();
    rec2.hold('stuck');
    const g = fixture({ registry: registry(rec2), queues, schedules: [], stopTimeoutMs: 10, random: () => 0 });
    const stuck = g.engine.enqueue('t.a', { key: 'stuck' });
    g.engine.start();
    await rec2.started('stuck');
    await g.engine.stop();
    expect(g.engine.store.get(stuck.jobId)).toMatchObject({ status: 'queued', attempts: 1, last_error: expect.stringContaining('interrupted') });
  });
});
