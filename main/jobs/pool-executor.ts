import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { MainMessage, WorkerBatch, WorkerJob, WorkerMessage } from '../../workers/job-protocol';
import { timeoutMessage, type BatchEvents, type BatchHandle, type ReadyJob } from './executor';

export interface PoolBatchOptions {
  queue: string;
  memoryMb: number;
  timeoutMs: number;
  /** How long a cancelled running job may take to honour its signal before its worker is terminated. */
  cancelGraceMs: number;
}

/**
 * Hands a batch of one queue to a pool worker as one piscina task and follows it over a
 * MessagePort: each job's result arrives as it finishes. The queue's timeout is enforced per
 * job through the task's AbortSignal (piscina terminates the worker); a worker that dies
 * (out of memory, crash, timeout) fails the job that was running with a clear error, the
 * jobs after it are given back, and piscina replaces the worker.
 */
export function runPoolBatch(pool: Piscina, items: ReadyJob[], options: PoolBatchOptions, events: BatchEvents): BatchHandle {
  const { port1, port2 } = new MessageChannel();
  const byId = new Map(items.map((item) => [item.job.id, item] as const));
  const order = items.map((item) => item.job.id);
  const reported = new Set<number>();
  const cancelRequested = new Set<number>();
  let next = 0; // index in `order` of the job running (or about to) in the worker
  let killReason: { kind: 'timeout' | 'cancel' | 'abort'; message: string } | null = null;
  const controller = new AbortController();

  const currentId = (): number | undefined => {
    while (next < order.length && reported.has(order[next]!)) next++;
    return order[next];
  };
  const announceCurrent = () => {
    const id = currentId();
    if (id !== undefined && !cancelRequested.has(id)) events.started(byId.get(id)!.job);
  };
  const kill = (kind: 'timeout' | 'cancel' | 'abort', message: string) => {
    if (killReason) return;
    killReason = { kind, message };
    controller.abort(new Error(message));
  };
  // Armed when the worker picks the batch up, then restarted as each job begins.
  let timer: NodeJS.Timeout | null = null;

  const handle = (message: WorkerMessage) => {
    if (message.t === 'begin') {
      timer = setTimeout(() => kill('timeout', timeoutMessage(options.queue, options.timeoutMs)), options.timeoutMs);
      timer.unref();
      return;
    }
    const item = byId.get(message.id);
    if (!item || reported.has(message.id)) return;
    const { job } = item;
    switch (message.t) {
      case 'progress':
        events.progress(job, message.value, message.message);
        return;
      case 'log':
        events.log(job, message.msg, message.fields);
        return;
      case 'skip':
        reported.add(job.id);
        events.finished(message.reason === 'cancelled' ? { kind: 'cancelled', job } : { kind: 'unstarted', job });
        break;
      case 'done':
        reported.add(job.id);
        if (message.ok) {
          events.finished({ kind: 'succeeded', job, startedAt: message.startedAt, durationMs: message.ms, result: message.result });
        } else if (message.cancelled && cancelRequested.has(job.id)) {
          events.finished({ kind: 'cancelled', job });
        } else {
          events.finished({ kind: 'error', job, startedAt: message.startedAt, durationMs: message.ms, error: message.error, permanent: message.permanent });
        }
        break;
    }
    timer?.refresh();
    announceCurrent();
  };
  port1.on('message', handle);
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) handle(m.message as WorkerMessage);
  };

  const jobs: WorkerJob[] = items.map(({ job, payload }) => ({
    id: job.id,
    name: job.name,
    payload,
    tenantId: job.tenantId,
    attempt: job.attempt,
    maxAttempts: job.maxAttempts,
  }));
  announceCurrent();
  const task: WorkerBatch = { port: port2, jobs };
  const done = pool
    .run(task, { transferList: [port2], signal: controller.signal })
    .then(
      () => {
        drain();
        for (const id of order) {
          if (reported.has(id)) continue;
          reported.add(id);
          const job = byId.get(id)!.job;
          events.finished({ kind: 'error', job, startedAt: null, durationMs: null, error: 'the worker finished its batch without reporting this job', permanent: false });
        }
      },
      (error: unknown) => {
        drain();
        const running = currentId();
        for (const id of order) {
          if (reported.has(id)) continue;
          reported.add(id);
          const job = byId.get(id)!.job;
          if (id !== running) events.finished({ kind: 'unstarted', job });
          else if (killReason?.kind === 'cancel' || (killReason === null && cancelRequested.has(id))) events.finished({ kind: 'cancelled', job });
          else events.finished({ kind: 'error', job, startedAt: null, durationMs: null, error: deathMessage(error, killReason, options), permanent: false });
        }
      },
    )
    .finally(() => {
      if (timer) clearTimeout(timer);
      port1.close();
    });

  const post = (message: MainMessage) => {
    try {
      port1.postMessage(message);
    } catch {
      // The batch already ended.
    }
  };
  return {
    done,
    cancel(jobId) {
      if (!byId.has(jobId) || reported.has(jobId) || cancelRequested.has(jobId)) return;
      cancelRequested.add(jobId);
      post({ t: 'cancel', id: jobId });
      if (currentId() !== jobId) {
        // Not its turn yet: reported at once; the worker skips it (or, if it just began, aborts it).
        reported.add(jobId);
        events.finished({ kind: 'cancelled', job: byId.get(jobId)!.job });
        return;
      }
      // A job that ignores its signal (or blocks its thread) is stopped by terminating its worker.
      const grace = setInterval(() => {
        if (reported.has(jobId) || killReason) clearInterval(grace);
        else if (currentId() === jobId) {
          clearInterval(grace);
          kill('cancel', 'cancelled');
        }
      }, options.cancelGraceMs);
      grace.unref();
    },
    stop() {
      post({ t: 'stop' });
    },
    abort(reason) {
      kill('abort', reason);
    },
  };
}

function deathMessage(error: unknown, killReason: { message: string } | null, options: PoolBatchOptions): string {
  if (killReason) return killReason.message;
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `the worker ran out of memory (queue "${options.queue}" allows ${options.memoryMb} MB); the job needs less memory or a queue with a higher limit`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `the worker died while running this job (${message}); it was replaced`;
}
