import { useEffect, useMemo, useRef, useState } from 'react';
import type { JobAction, JobSummary } from '../../../../main/jobs/contract';
import { ExportCsvButton } from '../../components/export-csv-button';
import { useSlashFocus } from '../../components/use-slash-focus';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useFormat } from '../../format/use-format';
import { durationMs, failedColumns, queueColumns } from './job-columns';
import { JobTable } from './job-table';
import { filterJobs, hashWithJobsFilter, jobsFilterFromHash, type JobsFilter } from './jobs-filter';
import { attachJobs, closeJobDetail, discardJob, openJobDetail, retryJob } from './jobs-live';
import { jobsSelectors, mayOnJob, useJobsStore } from './jobs-store';
import '../../styles/jobs.css';

function JobDetailPanel() {
  const detail = useJobsStore(jobsSelectors.detail);
  const error = useJobsStore(jobsSelectors.detailError);
  const { dateTime: time } = useFormat();
  if (error) return <p className="error" role="alert" data-testid="job-detail-error">{error}</p>;
  if (!detail) return null;
  return (
    <section className="panel job-detail" aria-labelledby="job-detail-title" data-testid="job-detail">
      <div className="toolbar">
        <h2 id="job-detail-title">
          Job {detail.id} · {detail.name}
        </h2>
        <span className="spacer" />
        <button type="button" className="small" onClick={closeJobDetail} data-testid="job-detail-close">Close</button>
      </div>
      <dl className="facts">
        {([
          ['Queue', detail.queue],
          ['Status', detail.status],
          ['Tenant', detail.tenantId === null ? 'system' : String(detail.tenantId)],
          ['Attempts', `${detail.attempts} of ${detail.maxAttempts}`],
          ['Queued', time(detail.createdAt)],
          ['Finished', time(detail.finishedAt)],
          ['Last error', detail.lastError ?? '—'],
        ] as const).map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Payload</h3>
      {detail.payloadHidden ? (
        <p className="muted" data-testid="job-detail-payload-hidden">Payload hidden for your role.</p>
      ) : (
        <pre className="mono job-json" data-testid="job-detail-payload">{JSON.stringify(detail.payload, null, 2)}</pre>
      )}
      <h3>Failed attempts</h3>
      {detail.failedAttempts.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="data-table" data-testid="job-detail-attempts">
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">Finished</th>
              <th scope="col" className="num">Duration</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {detail.failedAttempts.map((a) => (
              <tr key={`${a.attempt}-${a.finishedAt}`}>
                <td className="num">{a.attempt}</td>
                <td>{time(a.finishedAt)}</td>
                <td className="num">{durationMs(a.durationMs)}</td>
                <td>
                  {a.error}
                  {a.permanent && <span className="tag">permanent</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Log</h3>
      <pre className="mono job-log" data-testid="job-detail-log">
        {detail.payloadHidden ? 'Log hidden for your role.' : detail.logLines.map((l) => JSON.stringify(l)).join('\n') || 'No log lines.'}
      </pre>
    </section>
  );
}

/** Jobs (issue 3): per-queue stats, failed jobs with Retry/Discard, a job's detail. One fetch, then events. */
export function JobsView() {
  const user = useSessionStore(sessionSelectors.user);
  const { dateTime: time } = useFormat();
  const isSystemAdmin = useSessionStore(sessionSelectors.isSystemAdmin);
  const access = useJobsStore(jobsSelectors.access);
  const queues = useJobsStore(jobsSelectors.queues);
  const failed = useJobsStore(jobsSelectors.failed);
  const loaded = useJobsStore(jobsSelectors.loaded);
  const error = useJobsStore(jobsSelectors.error);
  const [actionError, setActionError] = useState<string | null>(null);
  // The filter starts from the URL and is written back to it (replaced, so typing does not fill Back).
  const [filter, setFilter] = useState<JobsFilter>(() => jobsFilterFromHash(window.location.hash));
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  const channel = !user ? null : isSystemAdmin ? 'system.jobs' : user.tenantId === null ? null : `tenant.${user.tenantId}.jobs`;

  useEffect(() => (channel === null ? undefined : attachJobs(channel)), [channel]);
  useEffect(() => {
    const next = hashWithJobsFilter(window.location.hash, filter);
    if (next !== window.location.hash) history.replaceState(history.state, '', next);
  }, [filter]);

  const may = (job: JobSummary, action: JobAction) => mayOnJob(access, job, action);
  const columns = useMemo(
    () => failedColumns({ isSystemAdmin, time, mayReadPayload: (job) => mayOnJob(access, job, 'payload') }),
    [isSystemAdmin, time, access],
  );
  const shown = useMemo(() => filterJobs(failed, filter), [failed, filter]);

  const act = async (job: JobSummary, action: 'retry' | 'discard') => {
    const result = action === 'retry' ? await retryJob(job.id) : await discardJob(job.id);
    setActionError(result.ok ? null : `could not ${action} job ${job.id}: ${result.error.message}`);
  };

  if (channel === null) return <p className="muted" data-testid="view-signed-out">Sign in to see jobs.</p>;
  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">Jobs</h1>
      <p className="muted">{isSystemAdmin ? 'All tenants and system jobs.' : 'Your tenant’s jobs.'}</p>
      {error && <p className="error" role="alert" data-testid="jobs-error">{error}</p>}
      {actionError && <p className="error" role="alert" data-testid="jobs-action-error">{actionError}</p>}
      {!loaded ? (
        <p className="muted">Loading jobs…</p>
      ) : (
        <>
          <div className="toolbar">
            <h2>Queues</h2>
            <span className="spacer" />
            <ExportCsvButton fileName="job-queues" columns={queueColumns} rows={queues} testId="jobs-queues-export" />
          </div>
          <JobTable label="Queues" testId="jobs-queues" columns={queueColumns} rows={queues} rowKey={(q) => q.queue} rowTestId={(q) => `jobs-queue-${q.queue}`} />
          <div className="toolbar">
            <h2>Failed jobs</h2>
            <label className="field-inline" htmlFor="jobs-filter-queue">
              Queue
              <select id="jobs-filter-queue" value={filter.queue} onChange={(e) => setFilter((f) => ({ ...f, queue: e.target.value }))} data-testid="jobs-filter-queue">
                <option value="">All queues</option>
                {/* A queue from a shared link stays choosable before (or without) its stats. */}
                {[...new Set([...queues.map((q) => q.queue), ...(filter.queue ? [filter.queue] : [])])].map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-inline" htmlFor="jobs-filter-text">
              Search
              <input
                ref={searchRef}
                id="jobs-filter-text"
                type="search"
                aria-keyshortcuts="/"
                placeholder="job, error, payload…"
                value={filter.text}
                onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
                data-testid="jobs-filter-text"
              />
            </label>
            <span className="counts" role="status">
              <strong data-testid="jobs-failed-shown">{shown.length}</strong> of {failed.length}
            </span>
            <span className="spacer" />
            <ExportCsvButton fileName="failed-jobs" columns={columns} rows={shown} testId="jobs-failed-export" />
          </div>
          {failed.length === 0 ? (
            <p className="muted" data-testid="jobs-failed-empty">No failed jobs.</p>
          ) : shown.length === 0 ? (
            <p className="muted" data-testid="jobs-failed-none-match">No failed jobs match the filter.</p>
          ) : (
            <JobTable
              label="Failed jobs"
              testId="jobs-failed"
              columns={columns}
              rows={shown}
              rowKey={(job) => String(job.id)}
              rowTestId={(job) => `jobs-failed-${job.id}`}
              actions={{
                width: 210,
                cell: (job) => (
                  <>
                    <button type="button" className="small" data-testid={`jobs-detail-${job.id}`} onClick={() => void openJobDetail(job.id)}>
                      Details
                    </button>
                    {may(job, 'retry') && (
                      <button type="button" className="small" data-testid={`jobs-retry-${job.id}`} onClick={() => void act(job, 'retry')}>
                        Retry
                      </button>
                    )}
                    {may(job, 'discard') && (
                      <button type="button" className="small" data-testid={`jobs-discard-${job.id}`} onClick={() => void act(job, 'discard')}>
                        Discard
                      </button>
                    )}
                  </>
                ),
              }}
            />
          )}
          <JobDetailPanel />
        </>
      )}
    </section>
  );
}
