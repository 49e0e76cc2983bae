import { receiveMessageOnPort } from 'node:worker_threads';
import { toJobFailure, PermanentJobError } from '../main/jobs/errors';
import type { JobContext } from '../main/jobs/define-job';
import { poolTasks, type PoolTask } from './pool-tasks';
import type { MainMessage, WorkerBatch, WorkerMessage } from './job-protocol';

const PROGRESS_EVERY_MS = 100;

/**
 * Piscina task: runs a batch of jobs one after another and reports each over the batch's port
 * as it finishes, so the main process commits results as they come and knows which job was
 * running if this worker dies. Control messages (cancel, stop) are read between jobs
 * synchronously, and while a job awaits.
 */
export default async function runBatch({ port, jobs }: WorkerBatch): Promise<number> {
  const cancelled = new Set<number>();
  let stopped = false;
  let current: { id: number; controller: AbortController } | null = null;
  const control = (message: MainMessage) => {
    if (message.t === 'stop') stopped = true;
    else if (current?.id === message.id) current.controller.abort(new Error('cancelled'));
    else cancelled.add(message.id);
  };
  port.on('message', control);
  const send = (message: WorkerMessage) => port.postMessage(message);
  const tasks = poolTasks as Record<string, PoolTask<unknown> | undefined>;
  send({ t: 'begin' });

  for (const job of jobs) {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) control(m.message as MainMessage);
    if (stopped || cancelled.has(job.id)) {
      send({ t: 'skip', id: job.id, reason: stopped ? 'stopped' : 'cancelled' });
      continue;
    }
    const controller = new AbortController();
    current = { id: job.id, controller };
    let lastProgress = 0;
    const ctx: JobContext = {
      jobId: job.id,
      name: job.name,
      tenantId: job.tenantId,
      attempt: job.attempt,
      maxAttempts: job.maxAttempts,
      signal: controller.signal,
      progress(value, message) {
        const now = performance.now();
        if (now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        send({ t: 'progress', id: job.id, value: Math.min(1, Math.max(0, value)), message: message ?? null });
      },
      log(msg, fields) {
        send({ t: 'log', id: job.id, msg, fields });
      },
    };
    const startedAt = Date.now();
    const t0 = performance.now();
    try {
      const task = tasks[job.name];
      if (!task) throw new PermanentJobError(`the worker has no task for job "${job.name}": add it to workers/pool-tasks.ts`);
      const result = await task(job.payload, ctx);
      send({ t: 'done', id: job.id, ok: true, result, startedAt, ms: performance.now() - t0 });
    } catch (error) {
      const failure = toJobFailure(error);
      send({ t: 'done', id: job.id, ok: false, error: failure.message, permanent: failure.permanent, cancelled: controller.signal.aborted, startedAt, ms: performance.now() - t0 });
    }
    current = null;
  }
  port.off('message', control);
  return jobs.length;
}
