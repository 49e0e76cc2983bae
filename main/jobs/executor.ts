import type { ClaimedJob } from './job-store';

/** A claimed job with its payload parsed and validated, ready to run. */
export interface ReadyJob {
  job: ClaimedJob;
  payload: unknown;
}

/** What came of one claimed job in a batch. */
export type AttemptResult =
  | { kind: 'succeeded'; job: ClaimedJob; startedAt: number; durationMs: number; result: unknown }
  | { kind: 'error'; job: ClaimedJob; startedAt: number | null; durationMs: number | null; error: string; permanent: boolean }
  | { kind: 'cancelled'; job: ClaimedJob }
  | { kind: 'unstarted'; job: ClaimedJob };

/** How an executor reports a batch back to the engine. */
export interface BatchEvents {
  started(job: ClaimedJob): void;
  finished(result: AttemptResult): void;
  progress(job: ClaimedJob, value: number, message: string | null): void;
  log(job: ClaimedJob, msg: string, fields?: Record<string, unknown>): void;
}

/** One batch in flight: jobs of one queue, run one after another by one executor (a "worker"). */
export interface BatchHandle {
  /** Settles after every job of the batch was reported through `finished`. */
  readonly done: Promise<void>;
  /** Cancels a job of this batch: skipped if not started, aborted if running. */
  cancel(jobId: number): void;
  /** Graceful stop: lets the running job finish and gives the others back (unstarted). */
  stop(): void;
  /** Interrupts the running job now (it fails with `reason`) and gives the others back. */
  abort(reason: string): void;
}

export function timeoutMessage(queue: string, timeoutMs: number): string {
  return `timed out after ${timeoutMs / 1000} s (the limit of queue "${queue}"); make the job faster or split it`;
}
