import { useEffect, useState } from 'react';
import type { JobAction, JobSummary, QueueStats } from '../../../../main/jobs/contract';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useFormat } from '../../format/use-format';
import { attachJobs, closeJobDetail, discardJob, openJobDetail, retryJob } from './jobs-live';
import { jobsSelectors, mayOnJob, useJobsStore } from './jobs-store';
import '../../styles/jobs.css';

/** The payload cell: hidden payloads say why (the role, or a live update that left it out for the tenant's other roles). */
const payloadText = (job: JobSummary, mayRead: boolean) => (!job.payloadHidden ? job.payloadSummary : mayRead ? 'open Details for the payload' : 'payload hidden for your role');

const ms = (value: number | null) => (value === null ? '—' : value < 1000 ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`);

function QueueRow({ q }: { q: QueueStats }) {
  return (
    <tr data-testid={`jobs-queue-${q.queue}`}>
      <td>{q.queue}</td>
      <td className="num">{q.priority}</td>
      <td className="num" data-testid={`jobs-queue-${q.queue}-workers`}>
        {q.busyWorkers}/{q.workers}
      </td>
      <td className="num" data-testid={`jobs-queue-${q.queue}-queued`}>{q.queued}</td>
      <td className="num" data-testid={`jobs-queue-${q.queue}-running`}>{q.running}</td>
      <td className={`num${q.failed > 0 ? ' hot' : ''}`} data-testid={`jobs-queue-${q.queue}-failed`}>{q.failed}</td>
      <td className="num" data-testid={`jobs-queue-${q.queue}-completed`}>{q.completedPerMinute}</td>
      <td className="num">{ms(q.p95DurationMs)}</td>
    </tr>
  );
}

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
                <td className="num">{ms(a.durationMs)}</td>
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
  const channel = !user ? null : isSystemAdmin ? 'system.jobs' : user.tenantId === null ? null : `tenant.${user.tenantId}.jobs`;

  useEffect(() => (channel === null ? undefined : attachJobs(channel)), [channel]);

  const may = (job: JobSummary, action: JobAction) => mayOnJob(access, job, action);

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
          <div className="table-box">
            <table className="data-table" data-testid="jobs-queues">
              <thead>
                <tr>
                  <th scope="col">Queue</th>
                  <th scope="col" className="num">Priority</th>
                  <th scope="col" className="num">Workers</th>
                  <th scope="col" className="num">Queued</th>
                  <th scope="col" className="num">Running</th>
                  <th scope="col" className="num">Failed</th>
                  <th scope="col" className="num">Done/min</th>
                  <th scope="col" className="num">p95</th>
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => (
                  <QueueRow key={q.queue} q={q} />
                ))}
              </tbody>
            </table>
          </div>
          <h2>Failed jobs</h2>
          {failed.length === 0 ? (
            <p className="muted" data-testid="jobs-failed-empty">No failed jobs.</p>
          ) : (
            <div className="table-box">
              <table className="data-table" data-testid="jobs-failed">
                <thead>
                  <tr>
                    <th scope="col" className="num">Id</th>
                    <th scope="col">Queue</th>
                    <th scope="col">Job</th>
                    {isSystemAdmin && <th scope="col">Tenant</th>}
                    <th scope="col">Payload</th>
                    <th scope="col">Error</th>
                    <th scope="col" className="num">Attempts</th>
                    <th scope="col">Failed at</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {failed.map((job) => (
                    <tr key={job.id} data-testid={`jobs-failed-${job.id}`}>
                      <td className="num">{job.id}</td>
                      <td>{job.queue}</td>
                      <td>{job.name}</td>
                      {isSystemAdmin && <td>{job.tenantId ?? 'system'}</td>}
                      <td className={job.payloadHidden ? 'muted payload' : 'mono payload'} title={payloadText(job, may(job, 'payload'))} data-testid={`jobs-failed-${job.id}-payload`}>
                        {payloadText(job, may(job, 'payload'))}
                      </td>
                      {/* Errors are sentences: they wrap, so the table stays inside its box on a laptop. */}
                      <td className="wrap" data-testid={`jobs-failed-${job.id}-error`}>
                        {job.lastError}
                      </td>
                      <td className="num">{job.attempts}</td>
                      <td className="wrap-narrow">{time(job.finishedAt)}</td>
                      <td className="actions wrap-actions">
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
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <JobDetailPanel />
        </>
      )}
    </section>
  );
}
