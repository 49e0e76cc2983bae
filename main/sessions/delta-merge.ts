import type { SessionDelta } from './contract';

export function isEmptyDelta(delta: SessionDelta<{ key: string }>): boolean {
  return delta.started.length === 0 && delta.updated.length === 0 && delta.ended.length === 0;
}

/**
 * The changes waiting for the next batch, kept in maps so that folding in a delta costs only
 * the size of that delta (a counter refresh leaves 20k updates pending while small deltas
 * keep arriving). Applying `take()` equals applying every merged delta in order: an update of
 * a row started in the same batch is merged into it, a row that starts and ends in the batch
 * vanishes, repeated updates merge, and an end cancels pending updates.
 */
export class PendingDelta<S extends { key: string }> {
  private readonly started = new Map<string, S>();
  private readonly updated = new Map<string, Partial<S> & { key: string }>();
  private readonly ended = new Set<string>();

  get isEmpty(): boolean {
    return this.started.size === 0 && this.updated.size === 0 && this.ended.size === 0;
  }

  merge(next: SessionDelta<S>): void {
    for (const s of next.started) {
      // Ended then started again in one batch: keep both so the client replaces the row.
      this.started.set(s.key, s);
      this.updated.delete(s.key);
    }
    for (const u of next.updated) {
      const fresh = this.started.get(u.key);
      if (fresh) this.started.set(u.key, { ...fresh, ...u });
      else this.updated.set(u.key, { ...this.updated.get(u.key), ...u });
    }
    for (const key of next.ended) {
      this.updated.delete(key);
      if (this.started.delete(key) && !this.ended.has(key)) continue;
      this.ended.add(key);
    }
  }

  /**
   * Removes and returns the pending changes: every start and end, and at most `maxUpdates`
   * updates (the oldest first); the rest stay pending for the next batch.
   */
  take(maxUpdates = Infinity): SessionDelta<S> {
    const delta: SessionDelta<S> = { started: [...this.started.values()], updated: [], ended: [...this.ended] };
    this.started.clear();
    this.ended.clear();
    for (const [key, update] of this.updated) {
      if (delta.updated.length >= maxUpdates) break;
      delta.updated.push(update);
      this.updated.delete(key);
    }
    return delta;
  }
}
