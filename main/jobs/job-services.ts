import type { JobEngine } from './job-engine';

/** What the jobs view's handlers use of the console (the core's services include it): the engine's views and controls. */
export interface JobServices {
  jobs: Pick<JobEngine, 'summary' | 'queueStats' | 'list' | 'failed' | 'detail' | 'retry' | 'discard' | 'cancel' | 'enqueue'>;
}
