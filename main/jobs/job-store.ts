import { jobKindOf } from '../auth/permissions';
import { maskEmailsIn, maskPersonalData } from '../events/mask';
import type { JobAttempt, JobStatus, JobSummary } from './contract';

/** A job row as stored. */
export interface JobRow {
  id: number;
  queue: string;
  name: string;
  payload: string;
  tenant_id: number | null;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  duration_ms: number | null;
  progress: number | null;
  progress_message: string | null;
  last_error: string | null;
  result: string | null;
  unique_key: string | null;
}

/** A job taken off its queue for one attempt. */
export interface ClaimedJob {
  id: number;
  queue: string;
  name: string;
  payload: string;
  tenantId: number | null;
  /** 1-based number of the attempt this claim starts. */
  attempt: number;
  maxAttempts: number;
  runAt: number;
}

/** The outcome of one attempt, applied to the store in a group commit. */
export type Outcome =
  | { kind: 'succeeded'; job: ClaimedJob; startedAt: number; finishedAt: number; durationMs: number; result: unknown }
  | {
      kind: 'failed';
      job: ClaimedJob;
      startedAt: number | null;
      finishedAt: number;
      durationMs: number | null;
      error: string;
      permanent: boolean;
      /** When to run again; null keeps the job as failed. */
      retryAt: number | null;
    }
  | { kind: 'cancelled'; job: ClaimedJob; finishedAt: number }
  /** Claimed but never started (its batch was cut short): queued again, the attempt given back. */
  | { kind: 'unstarted'; job: ClaimedJob };

/** Which jobs a caller may see: one tenant's, or all (system admins). */
export type TenantScope = { tenantId: number } | 'all';

const SUMMARY_LENGTH = 160;

/** A stored JSON text (payload, result) with personal data masked and secrets hidden. */
export function maskedJson(text: string): unknown {
  try {
    return maskPersonalData(JSON.parse(text));
  } catch {
    return '(not JSON)';
  }
}

/** A job as lists and events show it, masked like every broadcast; who sees the payload is decided later (job-views.ts). */
export function toSummary(row: JobRow): JobSummary {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const payload = JSON.stringify(maskedJson(row.payload));
  return {
    id: row.id,
    queue: row.queue,
    name: row.name,
    kind: jobKindOf(row.queue),
    tenantId: row.tenant_id,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: new Date(row.run_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    durationMs: row.duration_ms,
    progress: row.progress,
    progressMessage: row.progress_message,
    lastError: row.last_error === null ? null : maskEmailsIn(row.last_error),
    uniqueKey: row.unique_key === null ? null : maskEmailsIn(row.unique_key),
    payloadSummary: payload.length > SUMMARY_LENGTH ? payload.slice(0, SUMMARY_LENGTH - 1) + '…' : payload,
    payloadHidden: false,
  };
}

/**
 * The engine's storage: every read and write of jobs, their attempts and private inputs. Nothing
 * here holds engine logic. Its methods answer synchronously: the engine's group commit applies
 * the finished outcomes and claims the next jobs of every queue in one `transaction` per pump on
 * the embedded store (thousands of jobs a second in the jobs bench). A server deployment swaps
 * the engine as a whole for a proven PostgreSQL queue behind `JobQueue` (DESIGN.md "Storage
 * seam"); repository-contract/job-store-contract.ts says what any store here must do.
 */
export interface JobStore {
  /** Runs `work` in one transaction (the group commit); joins an open one. */
  transaction<T>(work: () => T): T;
  /** Queues a job; with a unique key held by a queued or running job, returns that job instead. */
  insert(job: NewJob): { jobId: number; deduplicated: boolean };
  /** Stores a job's private input (secrets, personal data) apart from its payload; deleted with the job. */
  putPrivateInput(jobId: number, value: string): void;
  /** Reads and deletes a job's private input (undefined when it has none, or it was taken). */
  takePrivateInput(jobId: number): string | undefined;
  /** Marks up to `limit` ready jobs of a queue running (attempt + 1); oldest ready first. */
  claim(queue: string, limit: number, now: number): ClaimedJob[];
  /** Applies an attempt's outcome (inside the group commit). */
  apply(outcome: Outcome): void;
  setProgress(jobId: number, progress: number, message: string | null): void;
  /** Jobs left running by a process that died; the caller decides their fate. */
  interrupted(): Array<ClaimedJob & { startedAt: number | null }>;
  /** Cancels a queued job (dropping its private input); false when it is not queued. */
  cancelQueued(id: number, now: number): boolean;
  /** Queues a failed or cancelled job again, with one more attempt if it had used them all. */
  retry(id: number, now: number): boolean;
  /** Deletes a failed or cancelled job. */
  discard(id: number): boolean;
  get(id: number): JobRow | undefined;
  failedAttempts(id: number): JobAttempt[];
  /** Newest first, one tenant's or all; `beforeId` pages back. */
  list(scope: TenantScope, filter: { status?: JobStatus; queue?: string; beforeId?: number; limit: number }): JobRow[];
  /** Failed jobs, last failed first. */
  failed(scope: TenantScope, filter: { queue?: string; limit: number }): JobRow[];
  /** Earliest run time of a queued job that is not ready yet, or null. */
  nextRunAt(now: number): number | null;
  readyQueues(now: number): string[];
  counts(): { queued: CountRow[]; failed: CountRow[] };
  /** Of these ids, the ones that exist (a rolled-back enqueue leaves no row). */
  existing(ids: number[]): Set<number>;
  /** Deletes succeeded and cancelled jobs finished before `before`; returns how many. */
  prune(before: number): number;
}

/** A job to queue. */
export interface NewJob {
  queue: string;
  name: string;
  payload: string;
  tenantId: number | null;
  maxAttempts: number;
  runAt: number;
  now: number;
  uniqueKey: string | null;
}

export interface CountRow {
  queue: string;
  tenantId: number | null;
  n: number;
}
