import { afterEach, describe, expect, it } from 'vitest';
import { defineJob, jobSet } from './define-job';
import { diagnosticPayload } from './diagnostic-payload';
import { createEngine, statusOf, testQueue, type EngineFixture } from './testing/engine-fixture';
import type { QueueConfig } from './queue-table';

const registry = jobSet(defineJob({ name: 'jobs.diagnostic', queue: 'pool', runs: 'pool', summary: '', payload: diagnosticPayload }));
type Registry = typeof registry;

const fixtures: Array<EngineFixture<Registry>> = [];
const channels: BroadcastChannel[] = [];
afterEach(async () => {
  for (const c of channels.splice(0)) c.close();
  for (const f of fixtures.splice(0)) await f.close();
});

function poolEngine(queue: Partial<QueueConfig> = {}, extra: { cancelGraceMs?: number } = {}) {
  const f = createEngine({
    registry,
    queues: [testQueue('pool', { workers: 2, backoff: { baseMs: 0, maxMs: 0 }, ...queue }), testQueue('default')],
    schedules: [],
    ...extra,
  });
  fixtures.push(f);
  f.engine.start();
  return f;
}

/** Waits for a gate job (diagnostic action "gate") to say it started, on its BroadcastChannel. */
function gateChannel(name: string) {
  const channel = new BroadcastChannel(name);
  channels.push(channel);
  const started = new Map<number, () => void>();
  const seen = new Set<number>();
  channel.onmessage = (event) => {
    const match = /^started:(\d+)$/.exec(String((event as MessageEvent).data));
    if (!match) return;
    const id = Number(match[1]);
    seen.add(id);
    started.get(id)?.();
  };
  return {
    started: (id: number) => new Promise<void>((resolve) => (seen.has(id) ? resolve() : started.set(id, resolve))),
    release: (id?: number) => channel.postMessage(id === undefined ? 'release' : `release:${id}`),
  };
}

describe('JobEngine on the piscina pool', () => {
  it('runs pool jobs in batches and stores their results, progress and log lines', async () => {
    const f = poolEngine();
    const ids = Array.from({ length: 40 }, () => f.engine.enqueue('jobs.diagnostic', { action: 'ok' }).jobId);
    const progress = f.engine.enqueue('jobs.diagnostic', { action: 'progress', ms: 250 }).jobId;
    const sawProgress = f.nextEvent((e) => e.name === 'JobProgress');
    await f.engine.drained();
    for (const id of ids) expect(f.engine.detail(id)).toMatchObject({ status: 'succeeded', attempts: 1, result: { ok: true, attempt: 1 } });
    expect(((await sawProgress).payload as { items: Array<{ id: number; progress: number }> }).items[0]).toMatchObject({ id: progress });
    expect(f.engine.detail(progress).logLines.map((l) => l.msg)).toEqual(['diagnostic progress finished', 'job succeeded']);
  });

  it('retries ordinary failures and not permanent ones', async () => {
    const f = poolEngine({ attempts: 3 });
    const flaky = f.engine.enqueue('jobs.diagnostic', { action: 'fail', untilAttempt: 2 }).jobId;
    const permanent = f.engine.enqueue('jobs.diagnostic', { action: 'permanent', message: 'router 9 does not exist' }).jobId;
    await f.engine.drained();
    expect(f.engine.detail(flaky)).toMatchObject({ status: 'succeeded', attempts: 3 });
    expect(f.engine.detail(permanent)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'router 9 does not exist' });
  });

  it('fails a job that passes its timeout, terminating its worker, and keeps serving', async () => {
    const f = poolEngine({ timeoutSeconds: 0.3, attempts: 1 });
    const hung = f.engine.enqueue('jobs.diagnostic', { action: 'hang' }).jobId;
    await f.engine.drained();
    expect(f.engine.detail(hung)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('timed out after 0.3 s (the limit of queue "pool")') });
    const after = f.engine.enqueue('jobs.diagnostic', { action: 'ok' }).jobId;
    await f.engine.drained();
    expect(statusOf(f.db, after)).toBe('succeeded');
  });

  it('fails a job whose worker runs out of memory, and keeps serving', async () => {
    const f = poolEngine({ memoryMb: 32, attempts: 1 });
    const hog = f.engine.enqueue('jobs.diagnostic', { action: 'oom' }).jobId;
    await f.engine.drained();
    expect(f.engine.detail(hog)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('ran out of memory (queue "pool" allows 32 MB)') });
    const after = f.engine.enqueue('jobs.diagnostic', { action: 'ok' }).jobId;
    await f.engine.drained();
    expect(statusOf(f.db, after)).toBe('succeeded');
  });

  it('fails only the running job when a worker crashes mid-batch; the rest are given back and run', async () => {
    const f = poolEngine({ workers: 1, attempts: 1 });
    // Warm up so the queue's durations are known and the next claim is one big batch.
    for (let i = 0; i < 20; i++) f.engine.enqueue('jobs.diagnostic', { action: 'ok' });
    await f.engine.drained();
    const crash = f.engine.enqueue('jobs.diagnostic', { action: 'crash' }).jobId;
    const rest = Array.from({ length: 5 }, () => f.engine.enqueue('jobs.diagnostic', { action: 'ok' }).jobId);
    await f.engine.drained();
    expect(f.engine.detail(crash)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('the worker died while running this job') });
    for (const id of rest) expect(f.engine.detail(id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('cancels a running pool job: through its signal, or by terminating a worker that ignores it', async () => {
    const f = poolEngine({ workers: 2 }, { cancelGraceMs: 50 });
    const gate = gateChannel('pool-cancel');
    const polite = f.engine.enqueue('jobs.diagnostic', { action: 'gate', gate: 'pool-cancel' }).jobId;
    await gate.started(polite);
    f.engine.cancel(polite);
    const stubborn = f.engine.enqueue('jobs.diagnostic', { action: 'hang' }).jobId;
    const running = f.nextEvent((e) => e.name === 'JobStatsUpdated' && (e.payload as { queues: Array<{ queue: string; running: number }> }).queues.some((q) => q.queue === 'pool' && q.running === 1));
    await running;
    f.engine.cancel(stubborn);
    await f.engine.drained();
    expect(statusOf(f.db, polite)).toBe('cancelled');
    expect(statusOf(f.db, stubborn)).toBe('cancelled');
    const after = f.engine.enqueue('jobs.diagnostic', { action: 'ok' }).jobId;
    await f.engine.drained();
    expect(statusOf(f.db, after)).toBe('succeeded');
  });
});
