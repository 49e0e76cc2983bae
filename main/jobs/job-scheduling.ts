import type { Logger } from '../core/logger';
import type { ScheduleDefinition } from './define-job';
import type { JobStore } from './job-store';
import { nextRun, rowSpec, type ScheduleStore } from './scheduler';

const MAX_TIMER_MS = 2 ** 31 - 1;

type Enqueue = (
  name: string,
  payload: unknown,
  options: { tenantId: number | null; uniqueKey: string },
) => { jobId: number; deduplicated: boolean };

/**
 * The engine's one timer: wakes at the earliest of the next delayed job (a runAt or a retry
 * backoff) and the next schedule tick. Schedule ticks enqueue with the unique key
 * `schedule:<key>` and are skipped while the previous run is still queued or running, so a
 * slow job never piles up behind its own schedule.
 */
export class JobScheduling {
  private nextDelayed: number | null = null;
  private nextSchedule: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private enabled = false;

  constructor(
    private readonly schedules: ScheduleStore,
    private readonly jobs: JobStore,
    private readonly enqueue: Enqueue,
    private readonly onDue: () => void,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  /** Stores the code-defined schedules (inside the engine's start transaction). */
  store(defs: ScheduleDefinition[], now: number): void {
    for (const def of defs) this.schedules.upsert(def, now);
  }

  resync(now: number): void {
    this.enabled = true;
    this.nextDelayed = this.jobs.nextRunAt(now);
    this.nextSchedule = this.schedules.nextDue();
    this.arm();
  }

  delayedAt(at: number): void {
    if (this.nextDelayed === null || at < this.nextDelayed) {
      this.nextDelayed = at;
      this.arm();
    }
  }

  /** Runs due schedule ticks; `nextDelayed` is the store's earliest not-yet-ready job. */
  due(now: number, nextDelayed: number | null): void {
    this.nextDelayed = nextDelayed;
    if (this.enabled && this.nextSchedule !== null && this.nextSchedule <= now) this.tick(now);
    this.nextSchedule = this.schedules.nextDue();
    this.arm();
  }

  clear(): void {
    this.enabled = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Infinity;
  }

  private tick(now: number): void {
    this.jobs.transaction(() => {
      for (const row of this.schedules.due(now)) {
        const next = nextRun(rowSpec(row), now);
        const last = row.last_job_id === null ? undefined : this.jobs.get(row.last_job_id);
        if (last && (last.status === 'queued' || last.status === 'running')) {
          this.schedules.ticked(row.key, next, null, now);
          continue;
        }
        let jobId: number | null = null;
        try {
          const result = this.enqueue(row.job_name, JSON.parse(row.payload), { tenantId: row.tenant_id, uniqueKey: `schedule:${row.key}` });
          if (!result.deduplicated) jobId = result.jobId;
        } catch (error) {
          this.log.error('a schedule could not queue its job; fix or remove the schedule', { schedule: row.key, job: row.job_name, error: String(error) });
        }
        this.schedules.ticked(row.key, next, jobId, now);
      }
    });
  }

  private arm(): void {
    if (!this.enabled) return;
    const at = Math.min(this.nextDelayed ?? Infinity, this.nextSchedule ?? Infinity);
    if (at === this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = at;
    if (at === Infinity) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.onDue();
    }, Math.min(MAX_TIMER_MS, Math.max(0, at - this.now())));
    this.timer.unref();
  }
}
