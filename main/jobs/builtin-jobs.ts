import { z } from 'zod';
import { defineJob, jobSet, type ScheduleDefinition } from './define-job';
import { diagnosticPayload } from './diagnostic-payload';

/** The jobs domain's own jobs: housekeeping (daily) and the pool's self-test. */
export const builtinJobs = jobSet(
  defineJob({
    name: 'jobs.rotate-logs',
    queue: 'log-rotation',
    runs: 'main',
    summary: 'Rotates queue logs by size and age and prunes finished jobs older than the retention.',
    payload: z.object({ retainDays: z.number().int().min(1).max(3650).default(7) }).strict(),
    handler: (payload, ctx) => ctx.engine.housekeeping({ retainDays: payload.retainDays }),
  }),
  defineJob({
    name: 'jobs.noop',
    queue: 'default',
    runs: 'main',
    summary: 'Does nothing; proves the engine end to end (benchmarks, health checks).',
    payload: z.object({}).passthrough(),
    handler: () => undefined,
  }),
  defineJob({
    name: 'jobs.diagnostic',
    queue: 'default',
    runs: 'pool',
    summary: 'Pool self-test: succeeds, sleeps, burns CPU or fails as its payload says.',
    payload: diagnosticPayload,
  }),
);

export const builtinSchedules: ScheduleDefinition[] = [
  { key: 'jobs.rotate-logs', job: 'jobs.rotate-logs', payload: {}, daily: { at: '03:17' } },
];
