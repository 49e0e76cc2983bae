import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/**
 * What a job does, by its queue: `admin` (user and tenant management), `security` (the sign-in
 * audit), `operations` (everything else). With the user's role it decides who may read a job's
 * payload and act on it (main/auth/permissions.ts, `jobAccess`).
 */
export type JobKind = 'operations' | 'admin' | 'security';
export type JobAction = 'payload' | 'retry' | 'cancel' | 'discard';
/** What the asking user may do with jobs of each kind (everyone may see that a job of their scope ran). */
export type JobAccess = Record<JobKind, JobAction[]>;

/**
 * A job as lists show it. Times are ISO strings; the payload is summarized (full in detail),
 * personal data masked like every broadcast; secrets never appear (jobs keep them apart).
 */
export interface JobSummary {
  id: number;
  queue: string;
  name: string;
  kind: JobKind;
  tenantId: number | null;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  progress: number | null;
  progressMessage: string | null;
  lastError: string | null;
  uniqueKey: string | null;
  /** The payload as short masked JSON (at most ~160 characters); '' when hidden. */
  payloadSummary: string;
  /** True when the asking user's role may not read this kind of job's payload (or an event's channel may not). */
  payloadHidden: boolean;
}

export interface JobAttempt {
  attempt: number;
  startedAt: string | null;
  finishedAt: string;
  durationMs: number | null;
  error: string;
  permanent: boolean;
}

/** Payload, result and log lines are masked, and null / empty when `payloadHidden`. */
export interface JobDetail extends JobSummary {
  payload: unknown;
  result: unknown;
  /** Failed or interrupted attempts, oldest first; a success is the job row itself. */
  failedAttempts: JobAttempt[];
  /** This job's lines of its queue's JSON-lines log (newest last, at most 200). */
  logLines: Array<Record<string, unknown>>;
}

/** One row of the Jobs view: a queue as the asking user may see it. */
export interface QueueStats {
  queue: string;
  priority: number;
  /** Workers busy right now (all tenants: workers are shared) and the queue's worker count. */
  busyWorkers: number;
  workers: number;
  queued: number;
  running: number;
  failed: number;
  /** Jobs finished (succeeded) in the last 60 seconds. */
  completedPerMinute: number;
  /** 95th percentile duration of recent successful attempts, null when there were none. */
  p95DurationMs: number | null;
}

export interface QueueStatsSnapshot {
  at: string;
  queues: QueueStats[];
}

const jobId = z.number().int().positive();
const status = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const jobsInvokes = {
  'jobs.queues': defineInvoke<QueueStatsSnapshot>()({
    input: z.object({}).strict(),
    summary: "Per-queue stats (priority, busy/total workers, queued, running, failed, completed/min, p95) for the user's jobs.",
  }),
  'jobs.list': defineInvoke<{ jobs: JobSummary[]; access: JobAccess }>()({
    input: z
      .object({
        status: status.optional(),
        queue: z.string().max(64).optional(),
        /** Paging: only jobs with a smaller id. */
        beforeId: jobId.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    summary: "The user's jobs, newest first, optionally by status and queue, with what the user may do to each kind.",
  }),
  'jobs.failed': defineInvoke<{ jobs: JobSummary[]; access: JobAccess }>()({
    input: z
      .object({ queue: z.string().max(64).optional(), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    summary: 'Failed jobs (kept with their error until retried or discarded), most recent failure first.',
  }),
  'jobs.detail': defineInvoke<JobDetail>()({
    input: z.object({ id: jobId }).strict(),
    summary: "One job with its payload, result, failed attempts and log lines.",
  }),
  'jobs.retry': defineInvoke<JobSummary>()({
    input: z.object({ id: jobId }).strict(),
    summary: 'Queues a failed or cancelled job again, with one more attempt allowed (forbidden where the role may not, by job kind).',
  }),
  'jobs.discard': defineInvoke<{ id: number }>()({
    input: z.object({ id: jobId }).strict(),
    summary: 'Deletes a failed or cancelled job and its attempts.',
  }),
  'jobs.cancel': defineInvoke<JobSummary>()({
    input: z.object({ id: jobId }).strict(),
    summary: 'Cancels a queued job at once, or a running one (its handler is aborted).',
  }),
  'jobs.diagnose': defineInvoke<{ jobId: number }>()({
    input: z
      .object({
        action: z.enum(['ok', 'sleep', 'cpu', 'fail', 'permanent']),
        ms: z.number().int().min(0).max(600_000).optional(),
        /** For "fail": fail every attempt up to and including this one, then succeed. */
        untilAttempt: z.number().int().min(1).max(100).optional(),
        message: z.string().max(500).optional(),
      })
      .strict(),
    summary: 'Queues a diagnostic job on the worker pool (system admins): proves the pool, retries and the Jobs view work.',
  }),
};

/** A job in an event batch: enough to update lists without a fetch. */
export interface JobEventItem {
  id: number;
  queue: string;
  name: string;
  tenantId: number | null;
}

/**
 * Job events are batches, coalesced over a short window (~100 ms) per channel, so a run of 20k
 * jobs/s becomes a few events a second. `more` counts items left out of a batch that was cut at
 * its size limit. Tenant jobs go to `tenant.{id}.jobs`; every job (tenant and system) also goes to
 * `system.jobs`, which system admins see.
 */
export interface JobBatch<T> {
  items: T[];
  more: number;
}

export const jobsEvents = {
  JobQueued: defineEvent<JobBatch<JobEventItem & { runAt: string }>>()({
    scope: 'tenant',
    topic: 'jobs',
    withoutTenant: 'system',
    summary: 'Jobs were queued (committed).',
  }),
  JobProgress: defineEvent<JobBatch<JobEventItem & { progress: number; message: string | null }>>()({
    scope: 'tenant',
    topic: 'jobs',
    withoutTenant: 'system',
    summary: 'Running jobs reported progress (latest value per job within the window).',
  }),
  JobProcessed: defineEvent<JobBatch<JobEventItem & { durationMs: number; result?: unknown }>>()({
    scope: 'tenant',
    topic: 'jobs',
    withoutTenant: 'system',
    summary: 'Jobs succeeded (committed).',
  }),
  JobFailed: defineEvent<JobBatch<JobSummary & { willRetry: boolean }>>()({
    scope: 'tenant',
    topic: 'jobs',
    withoutTenant: 'system',
    summary: 'Attempts failed: willRetry says whether the job was queued again (backoff) or kept as failed.',
  }),
  JobStatsUpdated: defineEvent<QueueStatsSnapshot>()({
    scope: 'tenant',
    topic: 'jobs',
    withoutTenant: 'system',
    summary: 'Per-queue stats for the channel (tenant or all), at most once a second while jobs move.',
  }),
};
