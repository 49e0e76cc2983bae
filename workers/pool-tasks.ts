import type { z } from 'zod';
import type { JobContext } from '../main/jobs/define-job';
import type { AppJobs } from '../main/jobs/registry';
import { diagnostic } from './tasks/diagnostic';

type PoolJobName = { [N in keyof AppJobs & string]: AppJobs[N] extends { runs: 'pool' } ? N : never }[keyof AppJobs & string];

export type PoolTask<P> = (payload: P, ctx: JobContext) => unknown;

/**
 * The handlers of every pool job of the registry (main/jobs/registry.ts), by job name. A pool
 * job without a task here is a type error. Add a line per job; the task's module lives in
 * workers/tasks/ and must not import main-process code.
 */
export const poolTasks: { [N in PoolJobName]: PoolTask<z.output<AppJobs[N]['payload']>> } = {
  'jobs.diagnostic': diagnostic,
};
