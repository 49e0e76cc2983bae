import type { Db } from '../store/database';
import type { ScheduleDefinition } from './define-job';
import { nextRun, specOf, type ScheduleRow, type ScheduleStore } from './scheduler';

/** Schedules on the console's SQLite file (the job_schedules table). */
export class SqliteScheduleStore implements ScheduleStore {
  constructor(private readonly db: Db) {}

  /** Stores a schedule; an unchanged one keeps its next run time, a changed one is re-timed. */
  upsert(def: ScheduleDefinition, now: number): void {
    const spec = specOf(def);
    const payload = JSON.stringify(def.payload ?? {});
    const every = 'every' in spec ? spec.every.seconds : null;
    const daily = 'daily' in spec ? spec.daily.at : null;
    const tenantId = def.tenantId ?? null;
    const existing = this.db.prepare('SELECT * FROM job_schedules WHERE key = ?').get(def.key) as ScheduleRow | undefined;
    if (
      existing &&
      existing.job_name === def.job &&
      existing.payload === payload &&
      existing.tenant_id === tenantId &&
      existing.every_seconds === every &&
      existing.daily_at === daily
    ) {
      return;
    }
    this.db
      .prepare(
        `INSERT INTO job_schedules (key, job_name, payload, tenant_id, every_seconds, daily_at, next_run_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET job_name = excluded.job_name, payload = excluded.payload, tenant_id = excluded.tenant_id,
           every_seconds = excluded.every_seconds, daily_at = excluded.daily_at, next_run_at = excluded.next_run_at`,
      )
      .run(def.key, def.job, payload, tenantId, every, daily, nextRun(spec, now));
  }

  remove(key: string): void {
    this.db.prepare('DELETE FROM job_schedules WHERE key = ?').run(key);
  }

  due(now: number): ScheduleRow[] {
    return this.db.prepare('SELECT * FROM job_schedules WHERE next_run_at <= ? ORDER BY next_run_at').all(now) as ScheduleRow[];
  }

  all(): ScheduleRow[] {
    return this.db.prepare('SELECT * FROM job_schedules ORDER BY key').all() as ScheduleRow[];
  }

  nextDue(): number | null {
    return (this.db.prepare('SELECT min(next_run_at) AS t FROM job_schedules').get() as { t: number | null }).t;
  }

  ticked(key: string, nextRunAt: number, jobId: number | null, now: number): void {
    if (jobId === null) {
      this.db.prepare('UPDATE job_schedules SET next_run_at = ?, skipped = skipped + 1 WHERE key = ?').run(nextRunAt, key);
    } else {
      this.db
        .prepare('UPDATE job_schedules SET next_run_at = ?, last_job_id = ?, last_enqueued_at = ? WHERE key = ?')
        .run(nextRunAt, jobId, now, key);
    }
  }
}
