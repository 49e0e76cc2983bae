import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, jobSet } from './define-job';
import { PermanentJobError } from './errors';
import { createEngine, testQueue, type EngineFixture } from './testing/engine-fixture';

/** A job with a private input that it never gets to apply: it fails for good, or is cancelled first. */
const registry = jobSet(
  defineJob({
    name: 't.refused',
    queue: 'default',
    runs: 'main',
    summary: '',
    payload: z.object({}),
    privateInput: z.object({ passwordHash: z.string() }),
    handler: () => {
      throw new PermanentJobError('refused');
    },
  }),
);
type Registry = typeof registry;

let f: EngineFixture<Registry> | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

const inputsOf = (fixture: EngineFixture<Registry>, jobId: number) =>
  (fixture.db.prepare('SELECT count(*) AS n FROM job_inputs WHERE job_id = ?').get(jobId) as { n: number }).n;

describe('private inputs of jobs that will not apply them', () => {
  it('are deleted when the job fails for good or is cancelled, so no secret waits for an undated retry', async () => {
    f = createEngine({ registry, queues: [testQueue('default', { attempts: 1 })], schedules: [] });
    const failing = f.engine.enqueue('t.refused', {}, { privateInput: { passwordHash: 'scrypt$secret' } }).jobId;
    const cancelled = f.engine.enqueue('t.refused', {}, { privateInput: { passwordHash: 'scrypt$other' }, runAt: new Date(Date.now() + 3_600_000) }).jobId;
    expect([inputsOf(f, failing), inputsOf(f, cancelled)]).toEqual([1, 1]);
    f.engine.cancel(cancelled);
    f.engine.start();
    await f.engine.drained();
    expect(f.engine.detail(failing)).toMatchObject({ status: 'failed', lastError: 'refused' });
    expect(f.engine.detail(cancelled)).toMatchObject({ status: 'cancelled' });
    expect([inputsOf(f, failing), inputsOf(f, cancelled)]).toEqual([0, 0]);
  });
});
