import { mayOnJob } from '../auth/permissions';
import type { Role } from '../auth/session';
import type { JobDetail, JobSummary } from './contract';

/**
 * Jobs as a given reader may see them. Summaries and details are already masked (job-store.ts);
 * here the permission table decides, by role and job kind, whether the payload (with result and
 * log lines, which describe it) is shown at all.
 */
export function withoutPayload<T extends JobSummary>(job: T): T {
  return { ...job, payloadSummary: '', payloadHidden: true };
}

export function summaryFor(role: Role, job: JobSummary): JobSummary {
  return mayOnJob(role, job.kind, 'payload') ? job : withoutPayload(job);
}

export function detailFor(role: Role, job: JobDetail): JobDetail {
  return mayOnJob(role, job.kind, 'payload') ? job : { ...withoutPayload(job), payload: null, result: null, logLines: [] };
}
