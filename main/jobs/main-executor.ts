import type { AnyJobDefinition, MainJobContext } from './define-job';
import { toJobFailure } from './errors';
import { timeoutMessage, type BatchEvents, type BatchHandle, type ReadyJob } from './executor';

export interface MainBatchOptions {
  queue: string;
  timeoutMs: number;
  definitionOf(name: string): AnyJobDefinition | undefined;
  contextFor(ready: ReadyJob, signal: AbortSignal): MainJobContext;
  now(): number;
}

/**
 * Runs a batch of light jobs on the main thread, one after another. A handler is raced against
 * its signal, so a timeout or cancellation is reported at once; handlers must honour the signal
 * (they cannot be killed on this thread — heavy work belongs on the pool).
 */
export function runMainBatch(items: ReadyJob[], options: MainBatchOptions, events: BatchEvents): BatchHandle {
  const cancelled = new Set<number>();
  let stopped = false;
  let current: { id: number; controller: AbortController } | null = null;
  let abortedWith: string | null = null;
  const timer = setTimeout(() => {
    current?.controller.abort(new Error(timeoutMessage(options.queue, options.timeoutMs)));
  }, options.timeoutMs);
  timer.unref();

  const run = async () => {
    let index = 0;
    try {
      for (; index < items.length; index++) {
        const { job, payload } = items[index]!;
        if (stopped || abortedWith !== null) break;
        if (cancelled.has(job.id)) continue;
        const def = options.definitionOf(job.name);
        const controller = new AbortController();
        current = { id: job.id, controller };
        timer.refresh();
        events.started(job);
        const startedAt = options.now();
        const t0 = performance.now();
        try {
          if (def?.runs !== 'main') throw Object.assign(new Error(`job "${job.name}" has no main-process handler`), { permanent: true });
          const result = await raceSignal(def.handler(payload, options.contextFor(items[index]!, controller.signal)), controller.signal);
          events.finished({ kind: 'succeeded', job, startedAt, durationMs: performance.now() - t0, result });
        } catch (error) {
          const durationMs = performance.now() - t0;
          if (cancelled.has(job.id)) events.finished({ kind: 'cancelled', job });
          else {
            const failure = abortedWith !== null ? { message: abortedWith, permanent: false } : toJobFailure(controller.signal.reason ?? error);
            events.finished({ kind: 'error', job, startedAt, durationMs, error: failure.message, permanent: failure.permanent });
          }
        }
        current = null;
      }
    } finally {
      clearTimeout(timer);
      for (let rest = index; rest < items.length; rest++) {
        if (!cancelled.has(items[rest]!.job.id)) events.finished({ kind: 'unstarted', job: items[rest]!.job });
      }
    }
  };
  const done = run();

  return {
    done,
    cancel(jobId) {
      if (cancelled.has(jobId)) return;
      cancelled.add(jobId);
      if (current?.id === jobId) current.controller.abort(new Error('cancelled'));
      else if (items.some((item) => item.job.id === jobId)) {
        // Not started yet: reported at once; the loop skips it when its turn comes.
        events.finished({ kind: 'cancelled', job: items.find((item) => item.job.id === jobId)!.job });
      }
    },
    stop() {
      stopped = true;
    },
    abort(reason) {
      abortedWith = reason;
      current?.controller.abort(new Error(reason));
    },
  };
}

/** Resolves with the handler's value, or rejects as soon as the signal aborts. */
function raceSignal<T>(value: T | Promise<T>, signal: AbortSignal): Promise<T> | T {
  if (!(value instanceof Promise)) return value;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    value.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
