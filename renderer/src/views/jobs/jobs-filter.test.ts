import { describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../../main/jobs/contract';
import { filterJobs, hashWithJobsFilter, jobsFilterFromHash } from './jobs-filter';

const job = (id: number, queue: string, name: string, lastError: string, payload = '{"router":"north-02"}', payloadHidden = false): JobSummary => ({
  id, queue, name, kind: 'operations', tenantId: id === 3 ? null : 1, status: 'failed', attempts: 3, maxAttempts: 3, runAt: '', createdAt: '', startedAt: null,
  finishedAt: null, durationMs: null, progress: null, progressMessage: null, lastError, uniqueKey: null, payloadSummary: payloadHidden ? '' : payload, payloadHidden,
});
const jobs = [job(1, 'provisioning', 'routers.apply', 'login refused'), job(2, 'default', 'jobs.diagnostic', 'boom', 'secret', true), job(3, 'default', 'backup.run', 'disk full', '{"keep":7}')];

describe('filterJobs', () => {
  it('keeps every job without a filter, the same list', () => {
    expect(filterJobs(jobs, { text: '', queue: '' })).toBe(jobs);
  });
  it('matches words in the shown values, any case, and narrows to a queue', () => {
    expect(filterJobs(jobs, { text: 'REFUSED', queue: '' }).map((j) => j.id)).toEqual([1]);
    expect(filterJobs(jobs, { text: 'north-02', queue: '' }).map((j) => j.id)).toEqual([1]);
    expect(filterJobs(jobs, { text: 'system', queue: '' }).map((j) => j.id)).toEqual([3]);
    expect(filterJobs(jobs, { text: '', queue: 'default' }).map((j) => j.id)).toEqual([2, 3]);
    expect(filterJobs(jobs, { text: 'disk', queue: 'provisioning' })).toEqual([]);
  });
  it('does not find a job by a payload the user may not see', () => {
    expect(filterJobs(jobs, { text: 'secret', queue: '' })).toEqual([]);
  });
});

describe('the jobs filter in the URL hash', () => {
  it('reads what it wrote, beside the view and the tenant', () => {
    const hash = hashWithJobsFilter('#/jobs?tenant=2', { text: ' north ', queue: 'default' });
    expect(hash).toBe('#/jobs?tenant=2&q=north&queue=default');
    expect(jobsFilterFromHash(hash)).toEqual({ text: 'north', queue: 'default' });
    expect(hashWithJobsFilter(hash, { text: '', queue: '' })).toBe('#/jobs?tenant=2');
    expect(jobsFilterFromHash('#/jobs')).toEqual({ text: '', queue: '' });
  });
});
