import { z } from 'zod';
import defaultTable from '../../resources/queues.json';

/**
 * One queue of resources/queues.json, validated. Its `$comment` says what each limit holds
 * for pool jobs and for main-thread jobs; the tests that prove it: pool.test.ts (timeout and
 * heap limit on the pool) and main-executor.test.ts (a main-thread job that never settles).
 */
export interface QueueConfig {
  name: string;
  /** Lower runs first. */
  priority: number;
  /** Concurrency of the queue: at most this many of its batches (one job at a time each) run at once. */
  workers: number;
  /** Heap limit (old generation) of the pool worker that runs this queue's pool jobs; main-thread jobs share the process heap. */
  memoryMb: number;
  /**
   * Limit per attempt. On the pool it is hard: the worker is terminated. On the main thread the
   * job fails and its slot is freed at once, and its signal is aborted; the handler cannot be killed there.
   */
  timeoutSeconds: number;
  /** Tries before a job is kept as failed (a job may override it at enqueue). */
  attempts: number;
  backoff: { baseMs: number; maxMs: number };
}

const queueSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'queue names are lower-case words joined by "-"'),
    priority: z.number().int().min(0).max(1000),
    workers: z.number().int().min(1).max(64),
    memoryMb: z.number().int().min(16).max(16384),
    timeoutSeconds: z.number().positive().max(86_400),
    attempts: z.number().int().min(1).max(100),
    backoff: z.object({ baseMs: z.number().int().min(0), maxMs: z.number().int().min(0) }).strict(),
  })
  .strict()
  .refine((q) => q.backoff.maxMs >= q.backoff.baseMs, { message: 'backoff.maxMs must be at least backoff.baseMs' });

const tableSchema = z.object({ $comment: z.string().optional(), queues: z.array(queueSchema).min(1) }).strict();

export class QueueTableError extends Error {
  override name = 'QueueTableError';
}

/**
 * Validates a queue table (the shape of resources/queues.json) and returns it sorted by priority
 * then name. Throws a QueueTableError that names the bad entry, so a broken table stops the
 * console at start instead of misbehaving later.
 */
export function loadQueueTable(raw: unknown = defaultTable): QueueConfig[] {
  const parsed = tableSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(table)'}: ${i.message}`).join('; ');
    throw new QueueTableError(`the queue table (resources/queues.json) is invalid: ${issues}`);
  }
  const seen = new Set<string>();
  for (const queue of parsed.data.queues) {
    if (seen.has(queue.name)) throw new QueueTableError(`the queue table names "${queue.name}" twice; queue names must be unique`);
    seen.add(queue.name);
  }
  if (!seen.has('default')) throw new QueueTableError('the queue table needs a "default" queue');
  return [...parsed.data.queues].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
}
