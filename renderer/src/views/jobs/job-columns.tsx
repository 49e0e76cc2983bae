import type { JobSummary, QueueStats } from '../../../../main/jobs/contract';
import type { TableColumn } from '../../components/virtual-table';

/** A column of the Jobs view's plain tables: its cell's class and test id beside what fitting and the export need. */
export interface JobColumn<R> extends TableColumn<R> {
  className?: (row: R) => string;
  testId?: (row: R) => string;
}

export const durationMs = (value: number | null) => (value === null ? '—' : value < 1000 ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`);

/** Per-queue stats: eight short numbers, they fit any width the console allows. */
export const queueColumns: readonly JobColumn<QueueStats>[] = [
  { id: 'queue', header: 'Queue', width: 110, text: (q) => q.queue, cell: (q) => q.queue },
  { id: 'priority', header: 'Priority', width: 70, align: 'end', text: (q) => String(q.priority), cell: (q) => q.priority },
  { id: 'workers', header: 'Workers', width: 80, align: 'end', text: (q) => `${q.busyWorkers}/${q.workers}`, cell: (q) => `${q.busyWorkers}/${q.workers}`, testId: (q) => `jobs-queue-${q.queue}-workers` },
  { id: 'queued', header: 'Queued', width: 70, align: 'end', text: (q) => String(q.queued), cell: (q) => q.queued, testId: (q) => `jobs-queue-${q.queue}-queued` },
  { id: 'running', header: 'Running', width: 70, align: 'end', text: (q) => String(q.running), cell: (q) => q.running, testId: (q) => `jobs-queue-${q.queue}-running` },
  { id: 'failed', header: 'Failed', width: 70, align: 'end', text: (q) => String(q.failed), cell: (q) => q.failed, className: (q) => (q.failed > 0 ? 'hot' : ''), testId: (q) => `jobs-queue-${q.queue}-failed` },
  { id: 'completed', header: 'Done/min', width: 80, align: 'end', text: (q) => String(q.completedPerMinute), cell: (q) => q.completedPerMinute, testId: (q) => `jobs-queue-${q.queue}-completed` },
  { id: 'p95', header: 'p95', width: 70, align: 'end', text: (q) => durationMs(q.p95DurationMs), cell: (q) => durationMs(q.p95DurationMs) },
];

/** The payload cell: hidden payloads say why (the role, or a live update that left it out for the tenant's other roles). */
export const payloadText = (job: JobSummary, mayRead: boolean) => (!job.payloadHidden ? job.payloadSummary : mayRead ? 'open Details for the payload' : 'payload hidden for your role');

export interface FailedColumnsContext {
  isSystemAdmin: boolean;
  mayReadPayload: (job: JobSummary) => boolean;
  time: (value: string | null) => string;
}

/**
 * The failed-jobs columns, most important first to stay: what failed and why (id, job, error)
 * never fold; the payload, tenant and attempts go first on a narrow window. Everything folded
 * is in the job's Details panel (queue, tenant, attempts, finished, payload).
 */
export function failedColumns({ isSystemAdmin, mayReadPayload, time }: FailedColumnsContext): JobColumn<JobSummary>[] {
  const payload = (j: JobSummary) => payloadText(j, mayReadPayload(j));
  return [
    { id: 'id', header: 'Id', width: 56, align: 'end', text: (j) => String(j.id), cell: (j) => j.id },
    { id: 'queue', header: 'Queue', width: 100, priority: 3, text: (j) => j.queue, cell: (j) => j.queue },
    { id: 'name', header: 'Job', width: 150, text: (j) => j.name, cell: (j) => j.name },
    ...(isSystemAdmin ? [{ id: 'tenant', header: 'Tenant', width: 80, priority: 4, text: (j: JobSummary) => String(j.tenantId ?? 'system'), cell: (j: JobSummary) => j.tenantId ?? 'system' }] : []),
    {
      id: 'payload', header: 'Payload', width: 180, priority: 5, text: payload, cell: payload,
      className: (j) => (j.payloadHidden ? 'muted payload' : 'mono payload'), testId: (j) => `jobs-failed-${j.id}-payload`,
    },
    // Errors are sentences: they wrap, so the table stays inside its box.
    { id: 'error', header: 'Error', width: 200, text: (j) => j.lastError ?? '', cell: (j) => j.lastError, className: () => 'wrap', testId: (j) => `jobs-failed-${j.id}-error` },
    { id: 'attempts', header: 'Attempts', width: 90, priority: 4, align: 'end', text: (j) => String(j.attempts), cell: (j) => j.attempts },
    { id: 'failedAt', header: 'Failed at', width: 120, priority: 2, text: (j) => time(j.finishedAt), cell: (j) => time(j.finishedAt), className: () => 'wrap-narrow' },
  ];
}
