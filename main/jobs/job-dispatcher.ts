import type { Logger } from '../core/logger';
import { backoffDelay } from './backoff';
import { runSegments } from './batch-runner';
import type { JobEngineHandle, JobRegistry, JobServices, MainJobContext } from './define-job';
import type { AttemptResult, BatchEvents, BatchHandle, ReadyJob } from './executor';
import type { JobEventPublisher } from './job-events';
import type { JobLog } from './job-log';
import type { JobScheduling } from './job-scheduling';
import type { JobStats } from './job-stats';
import { toSummary, type ClaimedJob, type JobStore, type Outcome } from './job-store';
import { runMainBatch } from './main-executor';
import { runPoolBatch } from './pool-executor';
import type { QueueConfig } from './queue-table';
import type { WorkerPools } from './worker-pools';

export interface DispatcherDeps {
  store: JobStore;
  registry: JobRegistry;
  /** Sorted by priority, lowest number first. */
  queues: readonly QueueConfig[];
  stats: JobStats;
  events: JobEventPublisher;
  pools: WorkerPools;
  scheduling: JobScheduling;
  logs: JobLog;
  log: Logger;
  now: () => number;
  random: () => number;
  services: (() => JobServices) | undefined;
  engine: JobEngineHandle;
  maxBatch: number;
  cancelGraceMs: number;
}

/** Jobs below this p95 duration are batched fully; slower queues get smaller batches. */
const BATCH_TARGET_MS = 20;

/**
 * The engine's dispatcher: claims ready jobs by queue priority into batches (one per free
 * worker of a queue), runs them on the main thread or the pool, and commits their outcomes
 * together with the next claims in one transaction (group commit). Events and log lines of an
 * outcome go out only after its commit.
 */
export class JobDispatcher {
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private readonly busy = new Map<string, number>();
  private readonly dirty = new Set<string>();
  private readonly batches = new Map<BatchHandle, Promise<void>>();
  private readonly inflight = new Map<number, BatchHandle>();
  private readonly executing = new Set<number>();
  private outcomes: Outcome[] = [];
  private readonly progressPending = new Map<number, [number, string | null]>();
  private readonly batchSizes = new Map<string, { at: number; size: number }>();
  private pumpScheduled = false;
  private drainWaiters: Array<() => void> = [];

  constructor(private readonly deps: DispatcherDeps) {}

  start(): void {
    this.state = 'running';
    for (const q of this.deps.queues) this.dirty.add(q.name);
    this.wake();
  }

  /** A queue may have ready jobs (an enqueue, a retry, a delayed job coming due). */
  markReady(queue: string): void {
    this.dirty.add(queue);
    this.wake();
  }

  /** The batch running (or holding) a job, for cancellation. */
  batchOf(jobId: number): BatchHandle | undefined {
    return this.inflight.get(jobId);
  }

  /** Resolves when no job is ready or running (delayed jobs may remain), everything committed. */
  drained(): Promise<void> {
    return new Promise((resolve) => {
      this.drainWaiters.push(resolve);
      this.wake();
    });
  }

  /** Stops claiming, lets batches finish their running job (up to `timeoutMs`, then interrupts), commits. */
  async stop(timeoutMs: number): Promise<void> {
    if (this.state !== 'running') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopping';
    for (const handle of this.batches.keys()) handle.stop();
    const all = Promise.all(this.batches.values());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      for (const handle of this.batches.keys()) handle.abort('interrupted: the console stopped before this attempt finished; it will run again');
      await all;
    }
    this.pump();
    this.state = 'stopped';
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  wake(): void {
    if (this.pumpScheduled || this.state !== 'running') return;
    this.pumpScheduled = true;
    setImmediate(() => this.pump());
  }

  /** One group commit: apply finished outcomes and progress, then claim for every free worker. */
  private pump(): void {
    this.pumpScheduled = false;
    if (this.state === 'new' || this.state === 'stopped') return;
    const now = this.deps.now();
    const outcomes = this.outcomes;
    this.outcomes = [];
    const claims: Array<{ queue: QueueConfig; jobs: ClaimedJob[]; free: number }> = [];
    this.deps.store.transaction(() => {
      for (const outcome of outcomes) this.deps.store.apply(outcome);
      for (const [id, [value, message]] of this.progressPending) this.deps.store.setProgress(id, value, message);
      this.progressPending.clear();
      if (this.state !== 'running') return;
      for (const queue of this.deps.queues) {
        const free = queue.workers - (this.busy.get(queue.name) ?? 0);
        if (free <= 0 || !this.dirty.has(queue.name)) continue;
        const limit = free * this.batchSize(queue, now);
        const jobs = this.deps.store.claim(queue.name, limit, now);
        if (jobs.length < limit) this.dirty.delete(queue.name);
        if (jobs.length > 0) claims.push({ queue, jobs, free });
      }
    });
    for (const outcome of outcomes) this.announce(outcome);
    for (const claim of claims) this.launch(claim.queue, claim.jobs, claim.free);
    if (this.outcomes.length === 0 && this.batches.size === 0 && this.dirty.size === 0 && this.drainWaiters.length > 0) {
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
  }

  private batchSize(queue: QueueConfig, now: number): number {
    const max = this.deps.maxBatch;
    const cached = this.batchSizes.get(queue.name);
    if (cached && now - cached.at < 1000) return cached.size;
    // Unknown durations start at one job per worker, so slow queues never hold claimed-but-waiting jobs.
    const p95 = this.deps.stats.recentP95(queue.name, now);
    if (p95 === null) return 1;
    const size = Math.max(1, Math.min(max, Math.floor(BATCH_TARGET_MS / Math.max(p95, 0.001))));
    this.batchSizes.set(queue.name, { at: now, size });
    return size;
  }

  /** Splits a queue's claim over its free workers (round robin keeps start order FIFO) and starts them. */
  private launch(queue: QueueConfig, jobs: ClaimedJob[], free: number): void {
    const ready: ReadyJob[] = [];
    for (const job of jobs) {
      const def = this.deps.registry[job.name];
      let payload: unknown;
      try {
        payload = JSON.parse(job.payload);
      } catch {
        payload = undefined;
      }
      const parsed = def?.payload.safeParse(payload);
      if (!def || !parsed?.success) {
        const error = def ? `the stored payload no longer fits job ${job.name}: ${parsed?.error?.issues[0]?.message ?? 'not JSON'}` : `there is no job named "${job.name}" any more`;
        this.finish(queue, { kind: 'error', job, startedAt: null, durationMs: null, error, permanent: true });
        continue;
      }
      ready.push({ job, payload: parsed.data });
    }
    const count = Math.min(free, ready.length);
    const chunks: ReadyJob[][] = Array.from({ length: count }, () => []);
    ready.forEach((item, i) => chunks[i % count]!.push(item));
    for (const chunk of chunks) this.startBatch(queue, chunk);
  }

  private startBatch(queue: QueueConfig, items: ReadyJob[]): void {
    const events: BatchEvents = {
      started: (job) => {
        this.executing.add(job.id);
        this.deps.stats.started(queue.name, job.tenantId);
      },
      finished: (result) => this.finish(queue, result),
      progress: (job, value, message) => this.progress(job, value, message),
      log: (job, msg, fields) => this.deps.logs.jobLine(queue.name, job, 'info', msg, fields),
    };
    const timeoutMs = queue.timeoutSeconds * 1000;
    const handle = runSegments(
      items,
      (item) => this.deps.registry[item.job.name]!.runs,
      (kind, segment, segmentEvents) =>
        kind === 'pool'
          ? runPoolBatch(this.deps.pools.poolFor(queue), segment, { queue: queue.name, memoryMb: queue.memoryMb, timeoutMs, cancelGraceMs: this.deps.cancelGraceMs }, segmentEvents)
          : runMainBatch(segment, { queue: queue.name, timeoutMs, definitionOf: (name) => this.deps.registry[name], contextFor: (ready, signal) => this.contextFor(queue, ready, signal), warn: (job, msg, fields) => this.deps.logs.jobLine(queue.name, job, 'warn', msg, fields), now: this.deps.now }, segmentEvents),
      events,
    );
    for (const { job } of items) this.inflight.set(job.id, handle);
    this.busy.set(queue.name, (this.busy.get(queue.name) ?? 0) + 1);
    this.deps.stats.setBusyWorkers(queue.name, this.busy.get(queue.name)!);
    const done = handle.done.then(
      () => this.batchEnded(queue, handle),
      (error: unknown) => {
        this.deps.log.error('job batch failed inside the engine', { queue: queue.name, error: String(error) });
        this.batchEnded(queue, handle);
      },
    );
    this.batches.set(handle, done);
  }

  private batchEnded(queue: QueueConfig, handle: BatchHandle): void {
    this.batches.delete(handle);
    this.busy.set(queue.name, (this.busy.get(queue.name) ?? 1) - 1);
    this.deps.stats.setBusyWorkers(queue.name, this.busy.get(queue.name)!);
    this.deps.events.statsChanged();
    if (this.state === 'running') this.wake();
  }

  /** Turns an attempt's result into the outcome the next group commit writes. */
  private finish(queue: QueueConfig, result: AttemptResult): void {
    const { job } = result;
    this.inflight.delete(job.id);
    if (this.executing.delete(job.id)) this.deps.stats.ended(queue.name, job.tenantId);
    const now = this.deps.now();
    switch (result.kind) {
      case 'succeeded':
        this.outcomes.push({ kind: 'succeeded', job, startedAt: result.startedAt, finishedAt: now, durationMs: result.durationMs, result: result.result });
        this.deps.stats.succeeded(queue.name, job.tenantId, result.durationMs, now);
        break;
      case 'error': {
        const last = result.permanent || job.attempt >= job.maxAttempts;
        const retryAt = last ? null : now + backoffDelay(job.attempt, queue.backoff, this.deps.random);
        this.outcomes.push({ kind: 'failed', job, startedAt: result.startedAt, finishedAt: now, durationMs: result.durationMs, error: result.error, permanent: result.permanent, retryAt });
        if (retryAt !== null && retryAt <= now) this.dirty.add(queue.name);
        else if (retryAt !== null) this.deps.scheduling.delayedAt(retryAt);
        break;
      }
      case 'cancelled':
        this.outcomes.push({ kind: 'cancelled', job, finishedAt: now });
        break;
      case 'unstarted':
        this.outcomes.push({ kind: 'unstarted', job });
        this.dirty.add(queue.name);
        break;
    }
    this.deps.stats.touch(job.tenantId);
    this.deps.events.statsChanged();
    this.wake();
  }

  /** After commit: log lines and events of applied outcomes. */
  private announce(outcome: Outcome): void {
    const { job } = outcome;
    switch (outcome.kind) {
      case 'succeeded':
        this.deps.logs.jobLine(job.queue, job, 'info', 'job succeeded', { attempt: job.attempt, durationMs: round(outcome.durationMs) });
        this.deps.events.jobProcessed({
          id: job.id,
          queue: job.queue,
          name: job.name,
          tenantId: job.tenantId,
          durationMs: round(outcome.durationMs),
          ...(outcome.result === undefined ? {} : { result: outcome.result }),
        });
        return;
      case 'failed': {
        const willRetry = outcome.retryAt !== null;
        this.deps.logs.jobLine(job.queue, job, willRetry ? 'warn' : 'error', willRetry ? 'attempt failed; will retry' : 'job failed', {
          attempt: job.attempt,
          error: outcome.error,
          permanent: outcome.permanent,
          ...(willRetry ? { retryAt: new Date(outcome.retryAt!).toISOString() } : {}),
        });
        const row = this.deps.store.get(job.id);
        if (row) this.deps.events.jobFailed({ ...toSummary(row), willRetry });
        return;
      }
      case 'cancelled':
        this.deps.logs.jobLine(job.queue, job, 'info', 'job cancelled while running', { attempt: job.attempt });
        return;
      case 'unstarted':
        return;
    }
  }

  private progress(job: ClaimedJob, value: number, message: string | null): void {
    const progress = Math.min(1, Math.max(0, value));
    this.progressPending.set(job.id, [progress, message]);
    this.deps.events.jobProgress({ id: job.id, queue: job.queue, name: job.name, tenantId: job.tenantId, progress, message });
  }

  private contextFor(queue: QueueConfig, { job }: ReadyJob, signal: () => AbortSignal): MainJobContext {
    const services = this.deps.services;
    return {
      jobId: job.id,
      name: job.name,
      tenantId: job.tenantId,
      attempt: job.attempt,
      maxAttempts: job.maxAttempts,
      get signal() {
        return signal();
      },
      progress: (value, message) => this.progress(job, value, message ?? null),
      log: (msg, fields) => this.deps.logs.jobLine(queue.name, job, 'info', msg, fields),
      get services(): JobServices {
        if (!services) throw new Error('this job engine was built without core services');
        return services();
      },
      engine: this.deps.engine,
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
