import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, jobSet } from './define-job';
import { nextRun } from './scheduler';
import { appSchedules } from './registry';
import { createEngine, Gate, testQueue, type EngineFixture } from './testing/engine-fixture';

describe('schedule times', () => {
  it('every N seconds: N after now; daily: the next local HH:MM strictly after now', () => {
    const now = new Date(2025, 5, 10, 2, 30, 0).getTime();
    expect(nextRun({ every: { seconds: 30 } }, now)).toBe(now + 30_000);
    expect(nextRun({ daily: { at: '03:17' } }, now)).toBe(new Date(2025, 5, 10, 3, 17).getTime());
    expect(nextRun({ daily: { at: '02:30' } }, now)).toBe(new Date(2025, 5, 11, 2, 30).getTime());
    expect(nextRun({ daily: { at: '00:00' } }, now)).toBe(new Date(2025, 5, 11, 0, 0).getTime());
    expect(() => nextRun({ daily: { at: '24:00' } }, now)).toThrow(/not HH:MM/);
  });

  it('the console schedules log rotation daily', () => {
    expect(appSchedules).toContainEqual(expect.objectContaining({ job: 'jobs.rotate-logs', daily: expect.objectContaining({ at: expect.stringMatching(/^\d\d:\d\d$/) }) }));
  });
});

describe('recurring schedules in the engine', () => {
  let fixture: EngineFixture<ReturnType<typeof makeRegistry>['registry']> | null = null;
  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  function makeRegistry() {
    const runs: number[] = [];
    let gate: Gate | null = null;
    const registry = jobSet(
      defineJob({
        name: 't.tick',
        queue: 'ticks',
        runs: 'main',
        summary: '',
        payload: z.object({ label: z.string() }),
        handler: async (_payload, ctx) => {
          runs.push(ctx.jobId);
          if (gate) await gate.promise;
        },
      }),
    );
    return { registry, runs, hold: () => (gate = new Gate()), release: () => gate?.open() };
  }

  it('stores schedules, ticks when due, and skips while the previous run is still queued or running', async () => {
    let now = new Date(2025, 0, 1, 12, 0, 0).getTime();
    const r = makeRegistry();
    fixture = createEngine({
      registry: r.registry,
      queues: [testQueue('ticks'), testQueue('default')],
      schedules: [{ key: 'poll', job: 't.tick', payload: { label: 'poll' }, every: { seconds: 10 } }],
      clock: () => now,
    });
    const f = fixture;
    f.engine.start();
    const row = () => f.db.prepare(`SELECT * FROM job_schedules WHERE key = 'poll'`).get() as { next_run_at: number; skipped: number; last_job_id: number | null };
    expect(row().next_run_at).toBe(now + 10_000);

    now += 10_000;
    r.hold();
    f.engine.checkDue();
    await f.nextEvent((e) => e.name === 'JobStatsUpdated' && (e.payload as { queues: Array<{ queue: string; running: number }> }).queues.some((q) => q.queue === 'ticks' && q.running === 1));
    expect(r.runs).toHaveLength(1);
    expect(row()).toMatchObject({ next_run_at: now + 10_000, skipped: 0 });

    // Two ticks pass while the first run still runs: both are skipped, nothing piles up.
    for (let i = 0; i < 2; i++) {
      now += 10_000;
      f.engine.checkDue();
    }
    expect(row()).toMatchObject({ skipped: 2 });
    expect(f.db.prepare(`SELECT count(*) AS n FROM jobs`).get()).toEqual({ n: 1 });

    r.release();
    await f.engine.drained();
    now += 10_000;
    f.engine.checkDue();
    await f.engine.drained();
    expect(r.runs).toHaveLength(2);
    expect(f.db.prepare(`SELECT count(*) AS n FROM jobs WHERE status = 'succeeded'`).get()).toEqual({ n: 2 });
  });

  it('keeps the stored next run across restarts unless the schedule changed', async () => {
    let now = new Date(2025, 0, 1, 12, 0, 0).getTime();
    const r = makeRegistry();
    const queues = [testQueue('ticks'), testQueue('default')];
    const first = createEngine({ registry: r.registry, queues, schedules: [{ key: 'daily', job: 't.tick', payload: { label: 'd' }, daily: { at: '03:00' } }], clock: () => now });
    first.engine.start();
    await first.engine.stop();
    const at = (first.db.prepare(`SELECT next_run_at AS t FROM job_schedules`).get() as { t: number }).t;
    expect(at).toBe(new Date(2025, 0, 2, 3, 0).getTime());
    first.db.close();

    now += 3600_000;
    fixture = createEngine({ dir: first.dir, registry: r.registry, queues, schedules: [{ key: 'daily', job: 't.tick', payload: { label: 'd' }, daily: { at: '03:00' } }], clock: () => now });
    fixture.engine.start();
    expect((fixture.db.prepare(`SELECT next_run_at AS t FROM job_schedules`).get() as { t: number }).t).toBe(at);
  });
});
