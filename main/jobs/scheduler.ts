import type { Db } from '../store/database';
import type { ScheduleDefinition } from './define-job';

/** How often a schedule ticks: every N seconds, or daily at local "HH:MM". */
export type ScheduleSpec = { every: { seconds: number } } | { daily: { at: string } };

const HH_MM = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** The next tick strictly after `now` (missed ticks are not caught up: one run, then on). */
export function nextRun(spec: ScheduleSpec, now: number): number {
  if ('every' in spec) return now + spec.every.seconds * 1000;
  const match = HH_MM.exec(spec.daily.at);
  if (!match) throw new Error(`daily schedule time "${spec.daily.at}" is not HH:MM (00:00–23:59)`);
  const next = new Date(now);
  next.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (next.getTime() <= now) next.setDate(next.getDate() + 1);
  return next.getTime();
}

export function specOf(def: Pick<ScheduleDefinition, 'key' | 'every' | 'daily'>): ScheduleSpec {
  if (def.every && !def.daily) {
    if (!(def.every.seconds >= 1)) throw new Error(`schedule "${def.key}" must run at most once a second`);
    return { every: def.every };
  }
  if (def.daily && !def.every) {
    nextRun({ daily: def.daily }, 0);
    return { daily: def.daily };
  }
  throw new Error(`schedule "${def.key}" needs exactly one of "every" or "daily"`);
}

export interface ScheduleRow {
  key: string;
  job_name: string;
  payload: string;
  tenant_id: number | null;
  every_seconds: number | null;
  daily_at: string | null;
  next_run_at: number;
  last_job_id: number | null;
  last_enqueued_at: number | null;
  skipped: number;
}

export function rowSpec(row: ScheduleRow): ScheduleSpec {
  return row.every_seconds !== null ? { every: { seconds: row.every_seconds } } : { daily: { at: row.daily_at! } };
}

/** Recurring schedules, stored in the database so they survive restarts. */
export class ScheduleStore {
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
