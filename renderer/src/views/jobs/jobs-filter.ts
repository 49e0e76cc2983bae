import type { JobSummary } from '../../../../main/jobs/contract';
import { hashParam, hashWithParams } from '../../stores/hash-params';

/** What the failed-jobs table is narrowed to: words in any shown value, and one queue ('' for all). */
export interface JobsFilter {
  text: string;
  queue: string;
}

/** Kept in the hash (`#/jobs?q=north&queue=provisioning`) so a reload or a shared link lists the same jobs. */
export const jobsFilterFromHash = (hash: string): JobsFilter => ({ text: hashParam(hash, 'q') ?? '', queue: hashParam(hash, 'queue') ?? '' });

export const hashWithJobsFilter = (hash: string, filter: JobsFilter): string => hashWithParams(hash, { q: filter.text.trim(), queue: filter.queue });

/** The jobs whose id, queue, name, tenant, shown payload or error hold the text (any case), in the queue chosen. */
export function filterJobs(jobs: readonly JobSummary[], filter: JobsFilter): readonly JobSummary[] {
  const needle = filter.text.trim().toLowerCase();
  if (needle === '' && filter.queue === '') return jobs;
  return jobs.filter((j) => {
    if (filter.queue !== '' && j.queue !== filter.queue) return false;
    if (needle === '') return true;
    const haystack = [String(j.id), j.queue, j.name, String(j.tenantId ?? 'system'), j.payloadHidden ? '' : j.payloadSummary, j.lastError ?? ''];
    return haystack.some((value) => value.toLowerCase().includes(needle));
  });
}
