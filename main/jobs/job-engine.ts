import { join } from 'node:path';
import { DomainError } from '../contract/errors';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { Db } from '../store/database';
import type { JobDetail, JobStatus, JobSummary, QueueStatsSnapshot } from './contract';
import type { JobName, JobPayloadInput, JobRegistry, JobServices, ScheduleDefinition } from './define-job';
import { JobDispatcher } from './job-dispatcher';
import { JobEventPublisher } from './job-events';
import { JobLog, type JobLogOptions } from './job-log';
import { JobStats } from './job-stats';
import { maskedJson, toSummary, type JobStore, type TenantScope } from './job-store';
import { SqliteJobStore } from './sqlite-job-store';
import { maskEmailsIn, maskPersonalData } from '../events/mask';
import { loadQueueTable, type QueueConfig } from './queue-table';
import { appJobs, appSchedules, type AppJobs } from './registry';
import { SqliteScheduleStore } from './sqlite-schedule-store';
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
  /**
   * Secrets and personal data the job needs, kept apart from its payload (which lists, details
   * and events show) and checked against its definition's `privateInput` schema. Dropped when
   * the enqueue joins an already queued job of the same unique key.
   */
  privateInput?: unknown;
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
  services?: () => JobServices;
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
  private readonly dispatcher: JobDispatcher;
  private readonly now: () => number;
  private state: 'new' | 'running' | 'stopped' = 'new';

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
    this.store = new SqliteJobStore(options.db);
    this.logs = new JobLog(join(options.dataDir, 'logs'), options.logOptions, this.now);
    this.stats = new JobStats(this.ordered);
    this.pools = new WorkerPools(this.ordered, { workerFile: options.workerFile });
    this.events = new JobEventPublisher(options.bus, this.store, {
      windowMs: options.eventWindowMs ?? 100,
      statsIntervalMs: options.statsIntervalMs ?? 1000,
      stats: () => this.changedStats(),
    });
    this.scheduling = new JobScheduling(
      new SqliteScheduleStore(options.db),
      this.store,
      (name, payload, opts) => this.enqueue(name as JobName<R>, payload as never, opts),
      () => this.checkDue(),
      options.log,
      this.now,
    );
    this.dispatcher = new JobDispatcher({
      store: this.store,
      registry: this.registry,
      queues: this.ordered,
      stats: this.stats,
      events: this.events,
      pools: this.pools,
      scheduling: this.scheduling,
      logs: this.logs,
      log: options.log,
      now: this.now,
      random: options.random ?? Math.random,
      services: options.services,
      engine: this,
      maxBatch: options.maxBatch ?? 512,
      cancelGraceMs: options.cancelGraceMs ?? 2000,
    });
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
    const privateInput = options.privateInput === undefined ? undefined : this.checkPrivateInput(def, options.privateInput);
    const queue = this.queues.get(def.queue)!;
    const now = this.now();
    const runAt = options.runAt ? options.runAt.getTime() : now;
    const tenantId = options.tenantId ?? null;
    const insert = () => {
      const inserted = this.store.insert({
        queue: queue.name,
        name,
        payload: JSON.stringify(payload ?? {}),
        tenantId,
        maxAttempts: options.maxAttempts ?? def.maxAttempts ?? queue.attempts,
        runAt,
        now,
        uniqueKey: options.uniqueKey ?? null,
      });
      if (privateInput !== undefined && !inserted.deduplicated) this.store.putPrivateInput(inserted.jobId, privateInput);
      return inserted;
    };
    // Job and private input commit together (or join the caller's transaction together).
    const result = privateInput === undefined ? insert() : this.store.transaction(insert);
    if (!result.deduplicated) {
      this.events.jobQueued({ id: result.jobId, queue: queue.name, name, tenantId, runAt: new Date(runAt).toISOString() });
      this.stats.touch(tenantId);
      this.events.statsChanged();
      if (runAt <= now) this.dispatcher.markReady(queue.name);
      else this.scheduling.delayedAt(runAt);
    }
    return result;
  }

  /**
   * Reads and deletes a job's private input (undefined: it has none, or a committed attempt took
   * it). Call inside the handler's transaction, so a failed attempt leaves it for the next one.
   */
  takePrivateInput(jobId: number): unknown {
    const value = this.store.takePrivateInput(jobId);
    return value === undefined ? undefined : (JSON.parse(value) as unknown);
  }

  private checkPrivateInput(def: R[keyof R], value: unknown): string {
    if (!def.privateInput) throw new DomainError('invalid_input', `job ${def.name} takes no private input; declare its schema as privateInput in its definition`);
    const parsed = def.privateInput.safeParse(value);
    // The issues name fields only: the values are private.
    if (!parsed.success) throw new DomainError('invalid_input', `invalid private input for job ${def.name}: ${parsed.error.issues.map((i: { path: PropertyKey[] }) => i.path.join('.') || '(input)').join(', ')}`);
    return JSON.stringify(parsed.data);
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────

  /** Recovers jobs a dead process left running (the attempt counts), stores schedules, starts dispatching. */
  start(): void {
    if (this.state !== 'new') throw new Error(`the job engine was already started (${this.state})`);
    const now = this.now();
    let recovered = 0;
    this.store.transaction(() => {
      for (const job of this.store.interrupted()) {
        recovered++;
        const last = job.attempt >= job.maxAttempts;
        const error = `interrupted: the console stopped while attempt ${job.attempt} ran${last ? '; that was its last attempt' : '; queued again'}`;
        this.store.apply({ kind: 'failed', job, startedAt: job.startedAt, finishedAt: now, durationMs: null, error, permanent: false, retryAt: last ? null : now });
      }
      this.scheduling.store((this.options.schedules ?? appSchedules) as ScheduleDefinition[], now);
    });
    if (recovered > 0) this.options.log.warn('jobs interrupted by the last stop were recovered', { recovered });
    this.state = 'running';
    this.scheduling.resync(now);
    this.dispatcher.start();
  }

  /** Stops dispatching, lets running jobs finish (up to stopTimeoutMs, then interrupts them), commits, closes pools. */
  async stop(): Promise<void> {
    if (this.state !== 'running') {
      // An engine that was never started may still have announced enqueues: flush those, end the timers.
      if (this.state === 'new') this.events.stop();
      this.state = 'stopped';
      return;
    }
    this.state = 'stopped';
    this.scheduling.clear();
    await this.dispatcher.stop(this.options.stopTimeoutMs ?? 10_000);
    this.events.stop();
    await this.pools.destroy();
    // Last: destroying the pools ends interrupted pool jobs, which still log a line.
    this.logs.close();
  }

  /** Resolves when no job is ready or running (delayed jobs may remain), everything committed. */
  drained(): Promise<void> {
    return this.dispatcher.drained();
  }

  /** Re-checks delayed jobs and schedules now (tests that move an injected clock call this). */
  checkDue(): void {
    if (this.state !== 'running') return;
    const now = this.now();
    for (const queue of this.store.readyQueues(now)) this.dispatcher.markReady(queue);
    this.scheduling.due(now, this.store.nextRunAt(now));
  }

  /** Starts the worker pool threads of these queues ahead of their first job. */
  warmPool(queues: string[] = this.ordered.map((q) => q.name)): void {
    this.pools.warm(queues.map((name) => this.queues.get(name)!).filter(Boolean));
  }

  // ── control (handlers scope by tenant) ─────────────────────────────────────────────────

  cancel(jobId: number, scope: TenantScope = 'all'): JobSummary {
    const row = this.visible(jobId, scope);
    if (row.status === 'queued' && this.store.cancelQueued(jobId, this.now())) {
      this.logs.jobLine(row.queue, { id: row.id, name: row.name, tenantId: row.tenant_id }, 'info', 'job cancelled while queued');
      this.touched(row.tenant_id);
      return toSummary(this.store.get(jobId)!);
    }
    const handle = this.dispatcher.batchOf(jobId);
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
    this.logs.jobLine(row.queue, { id: row.id, name: row.name, tenantId: row.tenant_id }, 'info', 'job queued again by hand');
    this.events.jobQueued({ id: row.id, queue: row.queue, name: row.name, tenantId: row.tenant_id, runAt: new Date(now).toISOString() });
    this.touched(row.tenant_id);
    this.dispatcher.markReady(row.queue);
    return toSummary(this.store.get(jobId)!);
  }

  discard(jobId: number, scope: TenantScope = 'all'): { id: number } {
    const row = this.visible(jobId, scope);
    if (!this.store.discard(jobId)) {
      throw new DomainError('conflict', `job ${jobId} is ${row.status}; only failed or cancelled jobs can be discarded`);
    }
    this.logs.jobLine(row.queue, { id: row.id, name: row.name, tenantId: row.tenant_id }, 'info', 'job discarded');
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

  /** One job as lists show it (masked), e.g. to check what it is before acting on it. */
  summary(jobId: number, scope: TenantScope = 'all'): JobSummary {
    return toSummary(this.visible(jobId, scope));
  }

  /** One job with payload, result, attempts and log lines, all masked like a broadcast. */
  detail(jobId: number, scope: TenantScope = 'all'): JobDetail {
    const row = this.visible(jobId, scope);
    return {
      ...toSummary(row),
      payload: maskedJson(row.payload),
      result: row.result === null ? null : maskedJson(row.result),
      failedAttempts: this.store.failedAttempts(jobId).map((a) => ({ ...a, error: maskEmailsIn(a.error) })),
      logLines: this.logs.linesOf(row.queue, jobId).map((line) => maskPersonalData(line) as Record<string, unknown>),
    };
  }

  /** The daily housekeeping: rotates queue logs and prunes finished jobs past retention. */
  housekeeping(options: { retainDays: number }): { rotated: string[]; pruned: number } {
    const now = this.now();
    return { rotated: this.logs.rotate(now), pruned: this.store.prune(now - options.retainDays * 86_400_000) };
  }

  /** Started and not stopped: jobs are being dispatched (the console's /healthz). */
  get running(): boolean {
    return this.state === 'running';
  }

  get queueTable(): readonly QueueConfig[] {
    return this.ordered;
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
}
