import type { AnyJobDefinition, MainJobContext } from './define-job';
import { toJobFailure } from './errors';
import { timeoutMessage, type BatchEvents, type BatchHandle, type ReadyJob } from './executor';

export interface MainBatchOptions {
  queue: string;
  timeoutMs: number;
  definitionOf(name: string): AnyJobDefinition | undefined;
  /** Builds a handler's context; `signal` is a getter so an AbortController is only made when used. */
  contextFor(ready: ReadyJob, signal: () => AbortSignal): MainJobContext;
  /** A warning in the job's queue log (a handler that ended long after it was given up on). */
  warn(job: ReadyJob['job'], msg: string, fields: Record<string, unknown>): void;
  now(): number;
}

/** The job a main batch is running: its interruption and (made on first use) its AbortController. */
class CurrentJob {
  private controller: AbortController | null = null;
  private reject: ((error: unknown) => void) | null = null;
  private interruptedAt = 0;
  interruption: unknown = null;

  constructor(readonly id: number) {}

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.interruption !== null && !this.controller.signal.aborted) this.controller.abort(this.interruption);
    return this.controller.signal;
  }

  /**
   * Resolves with the handler's value, or rejects as soon as the job is interrupted, so the
   * job's slot is freed even if the value never settles. `late` hears of a value that settles
   * after the interruption: that handler kept running (and holding what it holds) meanwhile.
   */
  race<T>(value: Promise<T>, late: (afterMs: number) => void): Promise<T> {
    const settled = () => {
      if (this.interruption !== null) late(performance.now() - this.interruptedAt);
    };
    value.then(settled, settled);
    if (this.interruption !== null) return Promise.reject(this.interruption);
    return Promise.race([value, new Promise<never>((_, reject) => (this.reject = reject))]);
  }

  interrupt(error: Error): void {
    if (this.interruption !== null) return;
    this.interruption = error;
    this.interruptedAt = performance.now();
    this.controller?.abort(error);
    this.reject?.(error);
  }
}

/**
 * Runs a batch of light jobs on the main thread, one after another. A handler is raced against
 * its interruption (timeout, cancel, stop): at the queue's timeout the job fails and the batch
 * moves on, freeing its worker slot, even if the handler's promise never settles. What this
 * thread cannot do is stop the handler itself: one that ignores its signal runs on (its late
 * end is logged as a warning), and one that blocks the thread blocks everything — heavy work
 * belongs on the pool, where the timeout terminates the worker and the heap limit applies.
 */
export function runMainBatch(items: ReadyJob[], options: MainBatchOptions, events: BatchEvents): BatchHandle {
  const cancelled = new Set<number>();
  let stopped = false;
  let current: CurrentJob | null = null;
  let abortedWith: string | null = null;
  const timer = setTimeout(() => current?.interrupt(new Error(timeoutMessage(options.queue, options.timeoutMs))), options.timeoutMs);
  timer.unref();

  const run = async () => {
    let index = 0;
    try {
      for (; index < items.length; index++) {
        const ready = items[index]!;
        const { job } = ready;
        if (stopped || abortedWith !== null) break;
        if (cancelled.has(job.id)) continue;
        const def = options.definitionOf(job.name);
        const running = (current = new CurrentJob(job.id));
        timer.refresh();
        events.started(job);
        const startedAt = options.now();
        const t0 = performance.now();
        try {
          if (def?.runs !== 'main') throw Object.assign(new Error(`job "${job.name}" has no main-process handler`), { permanent: true });
          let result = def.handler(ready.payload, options.contextFor(ready, () => running.signal));
          if (result instanceof Promise) {
            result = await running.race(result, (afterMs) =>
              options.warn(job, 'handler ended after its job was interrupted; it does not honour its signal', {
                interruptedBy: (running.interruption as Error).message,
                lateMs: Math.round(afterMs),
              }),
            );
          }
          else await undefined;
          if (running.interruption !== null) throw running.interruption;
          events.finished({ kind: 'succeeded', job, startedAt, durationMs: performance.now() - t0, result });
        } catch (error) {
          const durationMs = performance.now() - t0;
          if (cancelled.has(job.id)) events.finished({ kind: 'cancelled', job });
          else {
            const failure = abortedWith !== null ? { message: abortedWith, permanent: false } : toJobFailure(running.interruption ?? error);
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
      if (current?.id === jobId) current.interrupt(new Error('cancelled'));
      else {
        const item = items.find((i) => i.job.id === jobId);
        // Not started yet: reported at once; the loop skips it when its turn comes.
        if (item) events.finished({ kind: 'cancelled', job: item.job });
      }
    },
    stop() {
      stopped = true;
    },
    abort(reason) {
      abortedWith = reason;
      current?.interrupt(new Error(reason));
    },
  };
}
