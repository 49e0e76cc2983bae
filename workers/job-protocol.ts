import type { MessagePort } from 'node:worker_threads';

/** A job handed to a pool worker; the payload was already validated by the main process. */
export interface WorkerJob {
  id: number;
  name: string;
  payload: unknown;
  tenantId: number | null;
  attempt: number;
  maxAttempts: number;
}

/** One piscina task: a batch of jobs of one queue, run one after another. */
export interface WorkerBatch {
  port: MessagePort;
  jobs: WorkerJob[];
}

/** Worker → main, over the batch's port. */
export type WorkerMessage =
  /** The batch reached a worker (thread start-up does not count against the timeout). */
  | { t: 'begin' }
  | { t: 'done'; id: number; ok: true; result: unknown; startedAt: number; ms: number }
  | { t: 'done'; id: number; ok: false; error: string; permanent: boolean; cancelled: boolean; startedAt: number; ms: number }
  /** Not run: cancelled before its turn, or the batch was told to stop. */
  | { t: 'skip'; id: number; reason: 'cancelled' | 'stopped' }
  | { t: 'progress'; id: number; value: number; message: string | null }
  | { t: 'log'; id: number; msg: string; fields: Record<string, unknown> | undefined };

/** Main → worker. */
export type MainMessage = { t: 'cancel'; id: number } | { t: 'stop' };
