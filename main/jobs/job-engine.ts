import { join } from 'node:path';
import { DomainError } from '../contract/errors';
import type { CoreServices } from '../core/services';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { Db } from '../store/database';
import { backoffDelay } from './backoff';
import { runSegments } from './batch-runner';
import type { JobDetail, JobStatus, JobSummary, QueueStatsSnapshot } from './contract';
import type { JobName, JobPayloadInput, JobRegistry, MainJobContext, ScheduleDefinition } from './define-job';
import type { AttemptResult, BatchEvents, BatchHandle, ReadyJob } from './executor';
import { JobEventPublisher } from './job-events';
import { JobLog, type JobLogOptions } from './job-log';
import { JobStats } from './job-stats';
import { JobStore, toSummary, type ClaimedJob, type Outcome, type TenantScope } from './job-store';
import { runMainBatch } from './main-executor';
import { runPoolBatch } from './pool-executor';
import { loadQueueTable, type QueueConfig } from './queue-table';
import { appJobs, appSchedules, type AppJobs } from './registry';
import { ScheduleStore } from './scheduler';
import { JobScheduling } from './job-scheduling';
import { WorkerPools } from './worker-pools';

export interface EnqueueOptions {
  /** The tenant the job works for; null or absent for system jobs. */
  tenantId?: number | null;
  /** At most one queued-or-running job per key; a second enqueue returns the first job. */
  uniqueKey?: string;
  /** Not before this time. */
  runAt?: Date;
  /** Overrides the job's (or its queue's) attempts. */
  maxAttempts?: number;
}

export interface EnqueueResult {
  jobId: number;
  /** True when a queued or running job with the same unique key already existed. */
  deduplicated: boolean;
}

export interface JobEngineOptions<R extends JobRegistry> {
  db: Db;
  bus: EventBus;
  log: Logger;
  /** Queue logs go to `<dataDir>/logs/<queue>.log`. */
  dataDir: string;
  /** @defaultValue the console's registry (main/jobs/registry.ts) */
  registry?: R;
  /** @defaultValue resources/queues.json */
  queues?: QueueConfig[];
  /** @defaultValue the console's schedules (main/jobs/registry.ts) */
  schedules?: ScheduleDefinition<R>[];
  /** The core's services, for main-process handlers (a function: they are built after the engine). */
  services?: () => CoreServices;
  /** Injectable time (epoch ms) and randomness for backoff and schedule tests. */
  clock?: () => number;
  random?: () => number;
  /** Worker entry override (tests); by default resolved next to the bundle or in workers/. */
  workerFile?: string;
  /** How long stop() waits for running jobs before interrupting them. @defaultValue 10000 */
  stopTimeoutMs?: number;
  /** How long a cancelled pool job may take to honour its signal. @defaultValue 2000 */
  cancelGraceMs?: number;
  /** Most jobs handed to one worker at once (group commit / batched hand-off). @defaultValue 512 */
  maxBatch?: number;
  /** Event coalescing window. @defaultValue 100 */
  eventWindowMs?: number;
  /** Minimum gap between JobStatsUpdated events per channel. @defaultValue 1000 */
  statsIntervalMs?: number;
  logOptions?: JobLogOptions;
}

/** Jobs below this p95 duration are batched fully; slower queues get smaller batches. */
const BATCH_TARGET_MS = 20;

/**
 * The durable job engine: jobs are rows (JobStore); a dispatcher claims ready jobs by queue
 * priority into batches, one batch per free worker of a queue; batches run on the main thread
 * or the piscina pool; outcomes are committed together with the next claims in one
 * transaction (group commit). Events and stats are coalesced (JobEventPublisher).
 */
export class JobEngine<R extends JobRegistry = AppJobs> {
  readonly store: JobStore;
  readonly logs: JobLog;
  private readonly registry: R;
  private readonly queues = new Map<string, QueueConfig>();
  private readonly ordered: QueueConfig[];
  private readonly stats: JobStats;
  private readonly events: JobEventPublisher;
  private readonly pools: WorkerPools;
  private readonly scheduling: JobScheduling;
  private readonly now: () => number;
  private readonly random: () => number;
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

  constructor(private readonly options: JobEngineOptions<R>) {
    this.registry = options.registry ?? (appJobs as unknown as R);
    this.ordered = [...(options.queues ?? loadQueueTable())].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
    for (const q of this.ordered) this.queues.set(q.name, q);
    for (const def of Object.values(this.registry)) {
      if (!this.queues.has(def.queue)) {
        throw new Error(`job "${def.name}" names queue "${def.queue}", which is not in the queue table (resources/queues.json)`);
      }
    }
    this.now = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.store = new JobStore(options.db);
    this.logs = new JobLog(join(options.dataDir, 'logs'), options.logOptions);
    this.stats = new JobStats(this.ordered);
    this.pools = new WorkerPools(this.ordered, { workerFile: options.workerFile });
    this.events = new JobEventPublisher(options.bus, this.store, {
      windowMs: options.eventWindowMs ?? 100,
      statsIntervalMs: options.statsIntervalMs ?? 1000,
      stats: () => this.changedStats(),
    });
    this.scheduling = new JobScheduling(
      new ScheduleStore(options.db),
      this.store,
      (name, payload, opts) => this.enqueue(name as JobName<R>, payload as never, opts),
      () => this.checkDue(),
      options.log,
      this.now,
    );
  }

  // ── enqueue ────────────────────────────────────────────────────────────────────────────

  /**
   * Queues a job: validates its payload and runs one INSERT, so it joins the caller's
   * transaction when called inside `db.transaction(...)`. Returns the job id at once.
   */
  enqueue<N extends JobName<R>>(name: N, payload: JobPayloadInput<R, N>, options: EnqueueOptions = {}): EnqueueResult {
    const def = this.registry[name];
    if (!def) throw new DomainError('invalid_input', `there is no job named "${name}"; see main/jobs/registry.ts`);
    const parsed = def.payload.safeParse(payload);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
      throw new DomainError('invalid_input', `invalid payload for job ${name}: ${issues}`);
    }
    const queue = this.queues.get(def.queue)!;
    const now = this.now();
    const runAt = options.runAt ? options.runAt.getTime() : now;
    const tenantId = options.tenantId ?? null;
    const result = this.store.insert({
      queue: queue.name,
      name,
      payload: JSON.stringify(payload ?? {}),
      tenantId,
      maxAttempts: options.maxAttempts ?? def.maxAttempts ?? queue.attempts,
      runAt,
      now,
      uniqueKey: options.uniqueKey ?? null,
    });
    if (!result.deduplicated) {
      this.events.jobQueued({ id: result.jobId, queue: queue.name, name, tenantId, runAt: new Date(runAt).toISOString() });
      this.stats.touch(tenantId);
      this.events.statsChanged();
      if (runAt <= now) {
        this.dirty.add(queue.name);
        this.wake();
      } else this.scheduling.delayedAt(runAt);
    }
    return result;
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────

  /** Recovers jobs a dead process left running (the attempt counts), stores schedules, starts dispatching. */
  start(): void {
    if (this.state !== 'new') throw new Error(`the job engine was already started (${this.state})`);
    const now = this.now();
    let recovered = 0;
    this.options.db.transaction(() => {
      for (const job of this.store.interrupted()) {
        recovered++;
        const last = job.attempt >= job.maxAttempts;
        const error = `interrupted: the console stopped while attempt ${job.attempt} ran${last ? '; that was its last attempt' : '; queued again'}`;
        this.store.apply({ kind: 'failed', job, startedAt: job.startedAt, finishedAt: now, durationMs: null, error, permanent: false, retryAt: last ? null : now });
      }
      this.scheduling.store((this.options.schedules ?? appSchedules) as ScheduleDefinition[], now);
    })();
    if (recovered > 0) this.options.log.warn('jobs interrupted by the last stop were recovered', { recovered });
    this.state = 'running';
    for (const q of this.ordered) this.dirty.add(q.name);
    this.scheduling.resync(now);
    this.wake();
  }

  /** Stops dispatching, lets running jobs finish (up to stopTimeoutMs, then interrupts them), commits, closes pools. */
  async stop(): Promise<void> {
    if (this.state === 'new') this.state = 'stopped';
    if (this.state !== 'running') return;
    this.state = 'stopping';
    this.scheduling.clear();
    for (const handle of this.batches.keys()) handle.stop();
    const all = Promise.all(this.batches.values());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), this.options.stopTimeoutMs ?? 10_000))),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      for (const handle of this.batches.keys()) handle.abort('interrupted: the console stopped before this attempt finished; it will run again');
      await all;
    }
    this.pump();
    this.state = 'stopped';
    this.events.stop();
    this.logs.flush();
    await this.pools.destroy();
    for (const resolve of this.drainWaiters.splice(0)) resolve();
  }

  /** Resolves when no job is ready or running (delayed jobs may remain), everything committed. */
  drained(): Promise<void> {
    return new Promise((resolve) => {
      this.drainWaiters.push(resolve);
      this.wake();
    });
  }

  /** Re-checks delayed jobs and schedules now (tests that move an injected clock call this). */
  checkDue(): void {
    if (this.state !== 'running') return;
    const now = this.now();
    for (const queue of this.store.readyQueues(now)) this.dirty.add(queue);
    this.scheduling.due(now, this.store.nextRunAt(now));
    this.wake();
  }

  /** Starts the worker pool threads of these queues ahead of their first job. */
  warmPool(queues: string[] = this.ordered.map((q) => q.name)): void {
    this.pools.warm(queues.map((name) => this.queues.get(name)!).filter(Boolean));
  }

  // ── control (handlers scope by tenant) ─────────────────────────────────────────────────

  cancel(jobId: number, scope: TenantScope = 'all'): JobSummary {
    const row = this.visible(jobId, scope);
    if (row.status === 'queued' && this.store.cancelQueued(jobId, this.now())) {
      this.log(row.queue, row, 'info', 'job cancelled while queued');
      this.touched(row.tenant_id);
      return toSummary(this.store.get(jobId)!);
    }
    const handle = this.inflight.get(jobId);
    if (row.status === 'running' && handle) {
      handle.cancel(jobId);
      return toSummary(row);
    }
    throw new DomainError('conflict', `job ${jobId} is ${row.status === 'running' ? 'finishing' : row.status}; only queued or running jobs can be cancelled`);
  }

  retry(jobId: number, scope: TenantScope = 'all'): JobSummary {
    const row = this.visible(jobId, scope);
    const now = this.now();
    if (!this.store.retry(jobId, now)) {
      throw new DomainError('conflict', `job ${jobId} is ${row.status}; only failed or cancelled jobs can be retried`);
    }
    this.log(row.queue, row, 'info', 'job queued again by hand');
    this.events.jobQueued({ id: row.id, queue: row.queue, name: row.name, tenantId: row.tenant_id, runAt: new Date(now).toISOString() });
    this.touched(row.tenant_id);
    this.dirty.add(row.queue);
    this.wake();
    return toSummary(this.store.get(jobId)!);
  }

  discard(jobId: number, scope: TenantScope = 'all'): { id: number } {
    const row = this.visible(jobId, scope);
    if (!this.store.discard(jobId)) {
      throw new DomainError('conflict', `job ${jobId} is ${row.status}; only failed or cancelled jobs can be discarded`);
    }
    this.log(row.queue, row, 'info', 'job discarded');
    this.touched(row.tenant_id);
    return { id: jobId };
  }

  // ── views ──────────────────────────────────────────────────────────────────────────────

  queueStats(scope: TenantScope = 'all'): QueueStatsSnapshot {
    const now = this.now();
    const key = scope === 'all' ? 'all' : scope.tenantId;
    return { at: new Date(now).toISOString(), queues: this.stats.snapshot(key, this.store.counts(), now) };
  }

  list(scope: TenantScope, filter: { status?: JobStatus; queue?: string; beforeId?: number; limit: number }): JobSummary[] {
    return this.store.list(scope, filter).map(toSummary);
  }

  failed(scope: TenantScope, filter: { queue?: string; limit: number }): JobSummary[] {
    return this.store.failed(scope, filter).map(toSummary);
  }

  detail(jobId: number, scope: TenantScope = 'all'): JobDetail {
    const row = this.visible(jobId, scope);
    return {
      ...toSummary(row),
      payload: JSON.parse(row.payload) as unknown,
      result: row.result === null ? null : (JSON.parse(row.result) as unknown),
      failedAttempts: this.store.failedAttempts(jobId),
      logLines: this.logs.linesOf(row.queue, jobId),
    };
  }

  /** The daily housekeeping: rotates queue logs and prunes finished jobs past retention. */
  housekeeping(options: { retainDays: number }): { rotated: string[]; pruned: number } {
    const now = this.now();
    return { rotated: this.logs.rotate(now), pruned: this.store.prune(now - options.retainDays * 86_400_000) };
  }

  get queueTable(): readonly QueueConfig[] {
    return this.ordered;
  }

  // ── dispatch ───────────────────────────────────────────────────────────────────────────

  private wake(): void {
    if (this.pumpScheduled || this.state !== 'running') return;
    this.pumpScheduled = true;
    setImmediate(() => this.pump());
  }

  /** One group commit: apply finished outcomes and progress, then claim for every free worker. */
  private pump(): void {
    this.pumpScheduled = false;
    if (this.state === 'new' || this.state === 'stopped') return;
    const now = this.now();
    const outcomes = this.outcomes;
    this.outcomes = [];
    const claims: Array<{ queue: QueueConfig; jobs: ClaimedJob[]; free: number }> = [];
    this.options.db.transaction(() => {
      for (const outcome of outcomes) this.store.apply(outcome);
      for (const [id, [value, message]] of this.progressPending) this.store.setProgress(id, value, message);
      this.progressPending.clear();
      if (this.state !== 'running') return;
      for (const queue of this.ordered) {
        const free = queue.workers - (this.busy.get(queue.name) ?? 0);
        if (free <= 0 || !this.dirty.has(queue.name)) continue;
        const limit = free * this.batchSize(queue, now);
        const jobs = this.store.claim(queue.name, limit, now);
        if (jobs.length < limit) this.dirty.delete(queue.name);
        if (jobs.length > 0) claims.push({ queue, jobs, free });
      }
    })();
    for (const outcome of outcomes) this.announce(outcome);
    for (const claim of claims) this.launch(claim.queue, claim.jobs, claim.free);
    if (this.outcomes.length === 0 && this.batches.size === 0 && this.dirty.size === 0 && this.drainWaiters.length > 0) {
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
  }

  private batchSize(queue: QueueConfig, now: number): number {
    const max = this.options.maxBatch ?? 512;
    const cached = this.batchSizes.get(queue.name);
    if (cached && now - cached.at < 1000) return cached.size;
    // Unknown durations start at one job per worker, so slow queues never hold claimed-but-waiting jobs.
    const p95 = this.stats.recentP95(queue.name, now);
    if (p95 === null) return 1;
    const size = Math.max(1, Math.min(max, Math.floor(BATCH_TARGET_MS / Math.max(p95, 0.001))));
    this.batchSizes.set(queue.name, { at: now, size });
    return size;
  }

  /** Splits a queue's claim over its free workers (round robin keeps start order FIFO) and starts them. */
  private launch(queue: QueueConfig, jobs: ClaimedJob[], free: number): void {
    const ready: ReadyJob[] = [];
    for (const job of jobs) {
      const def = this.registry[job.name];
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
        this.stats.started(queue.name, job.tenantId);
      },
      finished: (result) => this.finish(queue, result),
      progress: (job, value, message) => this.progress(job, value, message),
      log: (job, msg, fields) => this.log(queue.name, job, 'info', msg, fields),
    };
    const timeoutMs = queue.timeoutSeconds * 1000;
    const handle = runSegments(
      items,
      (item) => this.registry[item.job.name]!.runs,
      (kind, segment, segmentEvents) =>
        kind === 'pool'
          ? runPoolBatch(this.pools.poolFor(queue), segment, { queue: queue.name, memoryMb: queue.memoryMb, timeoutMs, cancelGraceMs: this.options.cancelGraceMs ?? 2000 }, segmentEvents)
          : runMainBatch(segment, { queue: queue.name, timeoutMs, definitionOf: (name) => this.registry[name], contextFor: (ready, signal) => this.contextFor(queue, ready, signal), now: this.now }, segmentEvents),
      events,
    );
    for (const { job } of items) this.inflight.set(job.id, handle);
    this.busy.set(queue.name, (this.busy.get(queue.name) ?? 0) + 1);
    this.stats.setBusyWorkers(queue.name, this.busy.get(queue.name)!);
    const done = handle.done.then(
      () => this.batchEnded(queue, handle),
      (error: unknown) => {
        this.options.log.error('job batch failed inside the engine', { queue: queue.name, error: String(error) });
        this.batchEnded(queue, handle);
      },
    );
    this.batches.set(handle, done);
  }

  private batchEnded(queue: QueueConfig, handle: BatchHandle): void {
    this.batches.delete(handle);
    this.busy.set(queue.name, (this.busy.get(queue.name) ?? 1) - 1);
    this.stats.setBusyWorkers(queue.name, this.busy.get(queue.name)!);
    this.events.statsChanged();
    if (this.state === 'running') this.wake();
  }

  /** Turns an attempt's result into the outcome the next group commit writes. */
  private finish(queue: QueueConfig, result: AttemptResult): void {
    const { job } = result;
    this.inflight.delete(job.id);
    if (this.executing.delete(job.id)) this.stats.ended(queue.name, job.tenantId);
    const now = this.now();
    switch (result.kind) {
      case 'succeeded':
        this.outcomes.push({ kind: 'succeeded', job, startedAt: result.startedAt, finishedAt: now, durationMs: result.durationMs, result: result.result });
        this.stats.succeeded(queue.name, job.tenantId, result.durationMs, now);
        break;
      case 'error': {
        const last = result.permanent || job.attempt >= job.maxAttempts;
        const retryAt = last ? null : now + backoffDelay(job.attempt, queue.backoff, this.random);
        this.outcomes.push({ kind: 'failed', job, startedAt: result.startedAt, finishedAt: now, durationMs: result.durationMs, error: result.error, permanent: result.permanent, retryAt });
        if (retryAt !== null && retryAt <= now) this.dirty.add(queue.name);
        else if (retryAt !== null) this.scheduling.delayedAt(retryAt);
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
    this.stats.touch(job.tenantId);
    this.events.statsChanged();
    this.wake();
  }

  /** After commit: log lines and events of applied outcomes. */
  private announce(outcome: Outcome): void {
    const { job } = outcome;
    switch (outcome.kind) {
      case 'succeeded':
        this.log(job.queue, job, 'info', 'job succeeded', { attempt: job.attempt, durationMs: round(outcome.durationMs) });
        this.events.jobProcessed({
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
        this.log(job.queue, job, willRetry ? 'warn' : 'error', willRetry ? 'attempt failed; will retry' : 'job failed', {
          attempt: job.attempt,
          error: outcome.error,
          permanent: outcome.permanent,
          ...(willRetry ? { retryAt: new Date(outcome.retryAt!).toISOString() } : {}),
        });
        const row = this.store.get(job.id);
        if (row) this.events.jobFailed({ ...toSummary(row), willRetry });
        return;
      }
      case 'cancelled':
        this.log(job.queue, job, 'info', 'job cancelled while running', { attempt: job.attempt });
        return;
      case 'unstarted':
        return;
    }
  }

  private progress(job: ClaimedJob, value: number, message: string | null): void {
    const progress = Math.min(1, Math.max(0, value));
    this.progressPending.set(job.id, [progress, message]);
    this.events.jobProgress({ id: job.id, queue: job.queue, name: job.name, tenantId: job.tenantId, progress, message });
  }

  private contextFor(queue: QueueConfig, { job }: ReadyJob, signal: () => AbortSignal): MainJobContext {
    const services = this.options.services;
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
      log: (msg, fields) => this.log(queue.name, job, 'info', msg, fields),
      get services(): CoreServices {
        if (!services) throw new Error('this job engine was built without core services');
        return services();
      },
      engine: this,
    };
  }

  private visible(jobId: number, scope: TenantScope) {
    const row = this.store.get(jobId);
    if (!row || (scope !== 'all' && row.tenant_id !== scope.tenantId)) throw new DomainError('not_found', `there is no job ${jobId}`);
    return row;
  }

  private touched(tenantId: number | null): void {
    this.stats.touch(tenantId);
    this.events.statsChanged();
  }

  private changedStats(): Array<{ tenantId: number | null; snapshot: QueueStatsSnapshot }> {
    const keys = [...this.stats.dirty];
    this.stats.dirty.clear();
    if (keys.length === 0) return [];
    const now = this.now();
    const counts = this.store.counts();
    const at = new Date(now).toISOString();
    return keys.map((key) => ({ tenantId: key === 'all' ? null : key, snapshot: { at, queues: this.stats.snapshot(key, counts, now) } }));
  }

  /** ISO time of now, computed at most once per millisecond (log lines come in bursts). */
  private isoNow(): string {
    const now = this.now();
    if (isoCache.at !== now) isoCache = { at: now, iso: new Date(now).toISOString() };
    return isoCache.iso;
  }

  private log(queue: string, job: { id: number; name: string; tenantId?: number | null; tenant_id?: number | null }, level: string, msg: string, fields?: Record<string, unknown>): void {
    this.logs.write(queue, { time: this.isoNow(), level, msg, queue, jobId: job.id, name: job.name, tenantId: job.tenantId ?? job.tenant_id ?? null, ...fields });
  }
}

let isoCache = { at: -1, iso: '' };

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
