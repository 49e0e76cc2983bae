import type { SessionDelta } from './contract';
import { isEmptyDelta, PendingDelta } from './delta-merge';

/** At most one batch per channel per this many milliseconds reaches the bus. */
export const COALESCE_WINDOW_MS = 50;

/**
 * Counter refreshes update every session at once (20k rows); a batch carries at most this many
 * updates, the rest follow in the next windows, so starts and ends never queue behind megabytes
 * of byte counters.
 */
export const MAX_UPDATES_PER_BATCH = 2_000;

/**
 * Each follower of a channel gets its own serialized copy of a batch, so a batch costs the
 * main thread about updates × followers: 2,000 updates to 50 consoles blocked it for 40 ms.
 * Batches carry at most this many update-deliveries (some 10 ms of work), never fewer than
 * MIN_UPDATES_PER_BATCH updates (20 batches/s of 250 still carry 5,000 updates a second).
 */
const UPDATE_DELIVERIES_PER_BATCH = 25_000;
const MIN_UPDATES_PER_BATCH = 250;

/** The update cap for a channel with `followers` subscribers (one console: the full 2,000). */
export function updatesPerBatch(followers: number): number {
  return Math.max(MIN_UPDATES_PER_BATCH, Math.min(MAX_UPDATES_PER_BATCH, Math.floor(UPDATE_DELIVERIES_PER_BATCH / Math.max(1, followers))));
}

type Flush<S extends { key: string }> = (tenantId: number, delta: SessionDelta<S>) => void;

/**
 * Coalesces session deltas per tenant: the first change after a quiet window goes out at once
 * (freshness), further changes within the window are merged and go out when it ends.
 */
export class DeltaCoalescer<S extends { key: string }> {
  private readonly pending = new Map<number, PendingDelta<S>>();
  private readonly lastFlush = new Map<number, number>();
  private readonly timers = new Map<number, NodeJS.Timeout>();

  constructor(
    private readonly flush: Flush<S>,
    private readonly windowMs = COALESCE_WINDOW_MS,
    private readonly now: () => number = () => performance.now(),
    /** Updates per batch, or per tenant (see updatesPerBatch). */
    private readonly maxUpdates: number | ((tenantId: number) => number) = MAX_UPDATES_PER_BATCH,
  ) {}

  push(tenantId: number, delta: SessionDelta<S>): void {
    if (isEmptyDelta(delta)) return;
    let buffer = this.pending.get(tenantId);
    if (!buffer) this.pending.set(tenantId, (buffer = new PendingDelta()));
    buffer.merge(delta);
    if (this.timers.has(tenantId)) return;
    const wait = (this.lastFlush.get(tenantId) ?? -Infinity) + this.windowMs - this.now();
    if (wait <= 0) {
      // A zero-delay timer still gathers the changes of one router read into one batch.
      this.timers.set(tenantId, setTimeout(() => this.emit(tenantId), 0));
    } else {
      this.timers.set(tenantId, setTimeout(() => this.emit(tenantId), wait));
    }
  }

  /** Sends everything pending now (shutdown, tests). */
  drain(): void {
    for (const tenantId of [...this.pending.keys()]) while (this.pending.has(tenantId)) this.emit(tenantId);
  }

  private emit(tenantId: number): void {
    clearTimeout(this.timers.get(tenantId));
    this.timers.delete(tenantId);
    this.lastFlush.set(tenantId, this.now());
    const pending = this.pending.get(tenantId);
    if (!pending) return;
    const delta = pending.take(typeof this.maxUpdates === 'number' ? this.maxUpdates : this.maxUpdates(tenantId));
    if (pending.isEmpty) this.pending.delete(tenantId);
    // Else the rest waits for the next window, where later changes merge into it as usual.
    else this.timers.set(tenantId, setTimeout(() => this.emit(tenantId), this.windowMs));
    if (!isEmptyDelta(delta)) this.flush(tenantId, delta);
  }
}
