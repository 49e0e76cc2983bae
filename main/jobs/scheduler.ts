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

/**
 * Recurring schedules, stored so they survive restarts. Synchronous like JobStore: a tick reads
 * the due schedules and enqueues their jobs in one of the engine's transactions.
 */
export interface ScheduleStore {
  /** Stores a schedule; an unchanged one keeps its next run time, a changed one is re-timed. */
  upsert(def: ScheduleDefinition, now: number): void;
  remove(key: string): void;
  /** Schedules whose next run is at or before `now`, soonest first. */
  due(now: number): ScheduleRow[];
  all(): ScheduleRow[];
  /** The soonest next run of any schedule, or null when there is none. */
  nextDue(): number | null;
  /** Moves a schedule on to `nextRunAt`, with the job it enqueued (null: skipped, its last job still ran). */
  ticked(key: string, nextRunAt: number, jobId: number | null, now: number): void;
}
