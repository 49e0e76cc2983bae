import type { EnqueueOptions, EnqueueResult } from './job-engine';
import type { JobName, JobPayloadInput } from './define-job';
import type { AppJobs } from './registry';

/** Jobs enqueued inside a transaction commit with it (or not at all). */
export interface JobQueue {
  enqueue<N extends JobName<AppJobs>>(name: N, payload: JobPayloadInput<AppJobs, N>, options?: EnqueueOptions): Promise<EnqueueResult>;
}
