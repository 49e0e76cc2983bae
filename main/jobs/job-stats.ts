import type { QueueStats } from './contract';
import type { CountRow } from './job-store';
import type { QueueConfig } from './queue-table';

const WINDOW_MS = 60_000;
const SAMPLES = 2048;

/** Completions in the last minute (per-second buckets) and recent durations (a ring). */
class RecentCompletions {
  private readonly buckets = new Int32Array(60);
  private readonly bucketSecond = new Float64Array(60).fill(-1);
  private readonly times = new Float64Array(SAMPLES);
  private readonly durations = new Float64Array(SAMPLES);
  private size = 0;
  private head = 0;

  add(now: number, durationMs: number): void {
    const second = Math.floor(now / 1000);
    const slot = second % 60;
    if (this.bucketSecond[slot] !== second) {
      this.bucketSecond[slot] = second;
      this.buckets[slot] = 0;
    }
    this.buckets[slot]!++;
    this.times[this.head] = now;
    this.durations[this.head] = durationMs;
    this.head = (this.head + 1) % SAMPLES;
    if (this.size < SAMPLES) this.size++;
  }

  lastMinute(now: number): number {
    const current = Math.floor(now / 1000);
    let n = 0;
    for (let i = 0; i < 60; i++) if (this.bucketSecond[i]! > current - 60) n += this.buckets[i]!;
    return n;
  }

  p95(now: number): number | null {
    const recent: number[] = [];
    for (let i = 0; i < this.size; i++) if (now - this.times[i]! <= WINDOW_MS) recent.push(this.durations[i]!);
    if (recent.length === 0) return null;
    recent.sort((a, b) => a - b);
    return recent[Math.min(recent.length - 1, Math.ceil(0.95 * recent.length) - 1)]!;
  }
}

type ScopeKey = number | 'all';

/**
 * In-memory side of the Jobs view: what only the running engine knows (jobs executing right
 * now, recent completions and durations), kept for all jobs and per tenant. Queued and failed
 * counts come from the store when a snapshot is taken.
 */
export class JobStats {
  private readonly running = new Map<ScopeKey, Map<string, number>>();
  private readonly completions = new Map<ScopeKey, Map<string, RecentCompletions>>();
  private readonly busyWorkers = new Map<string, number>();
  /** Tenants (and 'all') whose numbers moved since the last snapshot was published. */
  readonly dirty = new Set<ScopeKey>();

  constructor(private readonly queues: readonly QueueConfig[]) {}

  touch(tenantId: number | null): void {
    this.dirty.add('all');
    if (tenantId !== null) this.dirty.add(tenantId);
  }

  started(queue: string, tenantId: number | null): void {
    this.bump(this.running, queue, tenantId, 1);
  }

  ended(queue: string, tenantId: number | null): void {
    this.bump(this.running, queue, tenantId, -1);
  }

  succeeded(queue: string, tenantId: number | null, durationMs: number, now: number): void {
    for (const key of keys(tenantId)) {
      let byQueue = this.completions.get(key);
      if (!byQueue) this.completions.set(key, (byQueue = new Map()));
      let recent = byQueue.get(queue);
      if (!recent) byQueue.set(queue, (recent = new RecentCompletions()));
      recent.add(now, durationMs);
    }
    this.touch(tenantId);
  }

  setBusyWorkers(queue: string, busy: number): void {
    this.busyWorkers.set(queue, busy);
    this.dirty.add('all');
  }

  /** p95 duration of a queue's recent successes (all tenants), for batch sizing. */
  recentP95(queue: string, now: number): number | null {
    return this.completions.get('all')?.get(queue)?.p95(now) ?? null;
  }

  snapshot(scope: ScopeKey, counts: { queued: CountRow[]; failed: CountRow[] }, now: number): QueueStats[] {
    const sum = (rows: CountRow[], queue: string) =>
      rows.reduce((n, r) => (r.queue === queue && (scope === 'all' || r.tenantId === scope) ? n + r.n : n), 0);
    return this.queues.map((q) => {
      const recent = this.completions.get(scope)?.get(q.name);
      return {
        queue: q.name,
        priority: q.priority,
        busyWorkers: this.busyWorkers.get(q.name) ?? 0,
        workers: q.workers,
        queued: sum(counts.queued, q.name),
        running: this.running.get(scope)?.get(q.name) ?? 0,
        failed: sum(counts.failed, q.name),
        completedPerMinute: recent?.lastMinute(now) ?? 0,
        p95DurationMs: recent?.p95(now) ?? null,
      };
    });
  }

  private bump(map: Map<ScopeKey, Map<string, number>>, queue: string, tenantId: number | null, delta: number): void {
    for (const key of keys(tenantId)) {
      let byQueue = map.get(key);
      if (!byQueue) map.set(key, (byQueue = new Map()));
      byQueue.set(queue, Math.max(0, (byQueue.get(queue) ?? 0) + delta));
    }
    this.touch(tenantId);
  }
}

function keys(tenantId: number | null): ScopeKey[] {
  return tenantId === null ? ['all'] : ['all', tenantId];
}
