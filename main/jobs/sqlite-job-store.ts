import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/database';
import type { JobAttempt, JobStatus } from './contract';
import type { ClaimedJob, CountRow, JobRow, JobStore, NewJob, Outcome, TenantScope } from './job-store';

const scopeSql = (scope: TenantScope) => (scope === 'all' ? '1 = 1' : 'tenant_id = @tenantId');
const scopeParams = (scope: TenantScope) => (scope === 'all' ? {} : { tenantId: scope.tenantId });

/**
 * The job store on the console's SQLite file: every statement prepared once. Writes that happen
 * per job are plain statements run inside the engine's group-commit transactions.
 */
export class SqliteJobStore implements JobStore {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(`INSERT INTO jobs (queue, name, payload, tenant_id, status, max_attempts, run_at, created_at, unique_key)
        VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?)
        ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND status IN ('queued', 'running') DO NOTHING`),
      activeByKey: p(`SELECT id FROM jobs WHERE unique_key = ? AND status IN ('queued', 'running')`),
      claim: p(`UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = @now, progress = NULL, progress_message = NULL
        WHERE id IN (SELECT id FROM jobs WHERE status = 'queued' AND queue = @queue AND run_at <= @now ORDER BY run_at, id LIMIT @limit)
        RETURNING id, queue, name, payload, tenant_id AS tenantId, attempts AS attempt, max_attempts AS maxAttempts, run_at AS runAt`),
      succeed: p(`UPDATE jobs SET status = 'succeeded', started_at = ?, finished_at = ?, duration_ms = ?, progress = 1, result = ?
        WHERE id = ? AND status = 'running'`),
      requeue: p(`UPDATE jobs SET status = 'queued', run_at = ?, last_error = ?, started_at = NULL WHERE id = ? AND status = 'running'`),
      fail: p(`UPDATE jobs SET status = 'failed', finished_at = ?, duration_ms = ?, last_error = ? WHERE id = ? AND status = 'running'`),
      cancelRunning: p(`UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'running'`),
      giveBack: p(`UPDATE jobs SET status = 'queued', attempts = attempts - 1, started_at = NULL WHERE id = ? AND status = 'running'`),
      attempt: p(`INSERT INTO job_attempts (job_id, attempt, started_at, finished_at, duration_ms, error, permanent) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      progress: p(`UPDATE jobs SET progress = ?, progress_message = ? WHERE id = ? AND status = 'running'`),
      cancelQueued: p(`UPDATE jobs SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'queued'`),
      retry: p(`UPDATE jobs SET status = 'queued', run_at = ?, max_attempts = max(max_attempts, attempts + 1), finished_at = NULL, progress = NULL, progress_message = NULL
        WHERE id = ? AND status IN ('failed', 'cancelled')`),
      discard: p(`DELETE FROM jobs WHERE id = ? AND status IN ('failed', 'cancelled')`),
      get: p(`SELECT * FROM jobs WHERE id = ?`),
      attempts: p(`SELECT attempt, started_at, finished_at, duration_ms, error, permanent FROM job_attempts WHERE job_id = ? ORDER BY attempt, id`),
      interrupted: p(`SELECT id, queue, name, payload, tenant_id, attempts, max_attempts, run_at, started_at FROM jobs WHERE status = 'running'`),
      nextRunAt: p(`SELECT min(run_at) AS t FROM jobs WHERE status = 'queued' AND run_at > ?`),
      readyQueues: p(`SELECT DISTINCT queue FROM jobs WHERE status = 'queued' AND run_at <= ?`),
      queuedCounts: p(`SELECT queue, tenant_id AS tenantId, count(*) AS n FROM jobs WHERE status = 'queued' GROUP BY queue, tenant_id`),
      failedCounts: p(`SELECT queue, tenant_id AS tenantId, count(*) AS n FROM jobs WHERE status = 'failed' GROUP BY queue, tenant_id`),
      exists: p(`SELECT id FROM jobs WHERE id IN (SELECT value FROM json_each(?))`),
      prune: p(`DELETE FROM jobs WHERE status IN ('succeeded', 'cancelled') AND finished_at < ?`),
      putInput: p(`INSERT INTO job_inputs (job_id, value) VALUES (?, ?)`),
      takeInput: p(`DELETE FROM job_inputs WHERE job_id = ? RETURNING value`),
      dropInput: p(`DELETE FROM job_inputs WHERE job_id = ?`),
    };
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** One INSERT; joins the caller's transaction when there is one. */
  insert(job: NewJob): { jobId: number; deduplicated: boolean } {
    const info = this.s.insert!.run(job.queue, job.name, job.payload, job.tenantId, job.maxAttempts, job.runAt, job.now, job.uniqueKey);
    if (info.changes === 1) return { jobId: Number(info.lastInsertRowid), deduplicated: false };
    const existing = this.s.activeByKey!.get(job.uniqueKey) as { id: number } | undefined;
    if (!existing) throw new Error(`job "${job.name}" was neither inserted nor found by its unique key ${job.uniqueKey}`);
    return { jobId: existing.id, deduplicated: true };
  }

  /** Stores a job's private input (secrets, personal data) apart from its payload; deleted with the job. */
  putPrivateInput(jobId: number, value: string): void {
    this.s.putInput!.run(jobId, value);
  }

  /** Reads and deletes a job's private input (undefined when it has none, or it was taken). */
  takePrivateInput(jobId: number): string | undefined {
    return (this.s.takeInput!.get(jobId) as { value: string } | undefined)?.value;
  }

  /** Marks up to `limit` ready jobs of a queue running (attempt + 1); oldest ready first. */
  claim(queue: string, limit: number, now: number): ClaimedJob[] {
    const rows = this.s.claim!.all({ queue, limit, now }) as ClaimedJob[];
    // RETURNING does not keep the subquery's order.
    return rows.sort((a, b) => a.runAt - b.runAt || a.id - b.id);
  }

  /** Applies attempt outcomes; call inside a transaction (the group commit). */
  apply(outcome: Outcome): void {
    switch (outcome.kind) {
      case 'succeeded': {
        const result = outcome.result === undefined ? null : JSON.stringify(outcome.result);
        this.s.succeed!.run(outcome.startedAt, outcome.finishedAt, outcome.durationMs, result ?? null, outcome.job.id);
        return;
      }
      case 'failed': {
        const { job } = outcome;
        this.s.attempt!.run(job.id, job.attempt, outcome.startedAt, outcome.finishedAt, outcome.durationMs, outcome.error, outcome.permanent ? 1 : 0);
        if (outcome.retryAt === null) {
          this.s.fail!.run(outcome.finishedAt, outcome.durationMs, outcome.error, job.id);
          // A secret or personal datum of a job that failed for good is not kept for an undated
          // retry (nor copied into every backup): a retry by hand says to submit the change again.
          this.s.dropInput!.run(job.id);
        } else this.s.requeue!.run(outcome.retryAt, outcome.error, job.id);
        return;
      }
      case 'cancelled':
        this.s.cancelRunning!.run(outcome.finishedAt, outcome.job.id);
        this.s.dropInput!.run(outcome.job.id);
        return;
      case 'unstarted':
        this.s.giveBack!.run(outcome.job.id);
        return;
    }
  }

  setProgress(jobId: number, progress: number, message: string | null): void {
    this.s.progress!.run(progress, message, jobId);
  }

  /** Jobs left running by a process that died; the caller decides their fate. */
  interrupted(): Array<ClaimedJob & { startedAt: number | null }> {
    const rows = this.s.interrupted!.all() as Array<JobRow>;
    return rows.map((r) => ({
      id: r.id,
      queue: r.queue,
      name: r.name,
      payload: r.payload,
      tenantId: r.tenant_id,
      attempt: r.attempts,
      maxAttempts: r.max_attempts,
      runAt: r.run_at,
      startedAt: r.started_at,
    }));
  }

  cancelQueued(id: number, now: number): boolean {
    const cancelled = this.s.cancelQueued!.run(now, id).changes === 1;
    if (cancelled) this.s.dropInput!.run(id);
    return cancelled;
  }

  retry(id: number, now: number): boolean {
    return this.s.retry!.run(now, id).changes === 1;
  }

  discard(id: number): boolean {
    return this.s.discard!.run(id).changes === 1;
  }

  get(id: number): JobRow | undefined {
    return this.s.get!.get(id) as JobRow | undefined;
  }

  failedAttempts(id: number): JobAttempt[] {
    const rows = this.s.attempts!.all(id) as Array<{ attempt: number; started_at: number | null; finished_at: number; duration_ms: number | null; error: string; permanent: number }>;
    return rows.map((r) => ({
      attempt: r.attempt,
      startedAt: r.started_at === null ? null : new Date(r.started_at).toISOString(),
      finishedAt: new Date(r.finished_at).toISOString(),
      durationMs: r.duration_ms,
      error: r.error,
      permanent: r.permanent === 1,
    }));
  }

  list(scope: TenantScope, filter: { status?: JobStatus; queue?: string; beforeId?: number; limit: number }): JobRow[] {
    const where = [scopeSql(scope)];
    if (filter.status) where.push('status = @status');
    if (filter.queue) where.push('queue = @queue');
    if (filter.beforeId) where.push('id < @beforeId');
    const sql = `SELECT * FROM jobs WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`;
    return this.db.prepare(sql).all({ ...scopeParams(scope), ...filter }) as JobRow[];
  }

  failed(scope: TenantScope, filter: { queue?: string; limit: number }): JobRow[] {
    const where = [`status = 'failed'`, scopeSql(scope)];
    if (filter.queue) where.push('queue = @queue');
    const sql = `SELECT * FROM jobs WHERE ${where.join(' AND ')} ORDER BY finished_at DESC, id DESC LIMIT @limit`;
    return this.db.prepare(sql).all({ ...scopeParams(scope), ...filter }) as JobRow[];
  }

  /** Earliest run time of a queued job that is not ready yet, or null. */
  nextRunAt(now: number): number | null {
    return (this.s.nextRunAt!.get(now) as { t: number | null }).t;
  }

  readyQueues(now: number): string[] {
    return (this.s.readyQueues!.all(now) as Array<{ queue: string }>).map((r) => r.queue);
  }

  counts(): { queued: CountRow[]; failed: CountRow[] } {
    return { queued: this.s.queuedCounts!.all() as CountRow[], failed: this.s.failedCounts!.all() as CountRow[] };
  }

  /** Of these ids, the ones that exist (a rolled-back enqueue leaves no row). */
  existing(ids: number[]): Set<number> {
    const rows = this.s.exists!.all(JSON.stringify(ids)) as Array<{ id: number }>;
    return new Set(rows.map((r) => r.id));
  }

  /** Deletes succeeded and cancelled jobs finished before `before`; returns how many. */
  prune(before: number): number {
    return this.s.prune!.run(before).changes;
  }
}

