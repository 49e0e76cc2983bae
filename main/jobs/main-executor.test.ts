import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, jobSet } from './define-job';
import { createEngine, Gate, statusOf, testQueue, type EngineFixture } from './testing/engine-fixture';

/** A handler that ignores its signal and whose promise never settles, unless a test releases it. */
let stuck = new Gate();
const registry = jobSet(
  defineJob({ name: 't.stuck', queue: 'slow', runs: 'main', summary: '', payload: z.object({}), handler: () => stuck.promise }),
  defineJob({ name: 't.quick', queue: 'slow', runs: 'main', summary: '', payload: z.object({ n: z.number() }), handler: ({ n }) => ({ n }) }),
);
type Registry = typeof registry;

const fixtures: Array<EngineFixture<Registry>> = [];
afterEach(async () => {
  stuck.open();
  stuck = new Gate();
  for (const f of fixtures.splice(0)) await f.close();
});

function engine(): EngineFixture<Registry> {
  // One worker: a job behind the stuck one can only run once the stuck one's slot is freed.
  const f = createEngine({ registry, queues: [testQueue('slow', { workers: 1, timeoutSeconds: 0.1, attempts: 1 }), testQueue('default')], schedules: [] });
  fixtures.push(f);
  return f;
}

describe('main-thread jobs past their timeout', () => {
  it('fail the job and free its worker slot even when the promise never settles', async () => {
    const f = engine();
    const hung = f.engine.enqueue('t.stuck', {}).jobId;
    const next = f.engine.enqueue('t.quick', { n: 1 }).jobId;
    f.engine.start();
    const failed = f.nextEvent((e) => e.name === 'JobFailed');
    await f.engine.drained();
    expect(f.engine.detail(hung)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('timed out after 0.1 s (the limit of queue "slow")') });
    expect(f.engine.detail(next)).toMatchObject({ status: 'succeeded', result: { n: 1 } });
    expect((await failed).payload).toMatchObject({ items: [expect.objectContaining({ id: hung, willRetry: false })] });
    expect(f.engine.queueStats().queues.find((q) => q.queue === 'slow')).toMatchObject({ busyWorkers: 0, running: 0 });
  });

  it('keep the slot free for later claims and log when the abandoned handler ends after all', async () => {
    const f = engine();
    const hung = f.engine.enqueue('t.stuck', {}).jobId;
    f.engine.start();
    await f.engine.drained();
    expect(statusOf(f.db, hung)).toBe('failed');
    const later = f.engine.enqueue('t.quick', { n: 2 }).jobId;
    await f.engine.drained();
    expect(statusOf(f.db, later)).toBe('succeeded');

    stuck.open();
    await new Promise((resolve) => setImmediate(resolve));
    f.engine.logs.flush();
    const lines = f.engine.detail(hung).logLines.map((l) => l.msg);
    expect(lines).toContain('handler ended after its job was interrupted; it does not honour its signal');
    // The late end changes nothing: the job stays failed.
    expect(statusOf(f.db, hung)).toBe('failed');
  });
});
