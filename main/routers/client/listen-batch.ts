import type { LiveSetDelta } from './live-set';

/**
 * Listen events since the last flush, netted per `.id`, so a delta never names one session in
 * two lists: a session that starts and ends within one window is not reported at all (a consumer
 * that applies ends before starts would otherwise keep it as a ghost), and several updates of one
 * session become one.
 */
export class ListenBatch<T extends { id: string }> {
  private readonly started = new Map<string, T>();
  private readonly updated = new Map<string, T>();
  private readonly ended = new Set<string>();

  get empty(): boolean {
    return this.started.size === 0 && this.updated.size === 0 && this.ended.size === 0;
  }

  start(item: T): void {
    // Ended and back within the window: the consumer still has the row; it changed.
    if (this.ended.delete(item.id)) this.updated.set(item.id, item);
    else this.started.set(item.id, item);
  }

  update(item: T): void {
    if (this.started.has(item.id)) this.started.set(item.id, item);
    else this.updated.set(item.id, item);
  }

  end(id: string): void {
    this.updated.delete(id);
    if (!this.started.delete(id)) this.ended.add(id);
  }

  /** The netted delta, and an empty window after it. */
  take(): LiveSetDelta<T> {
    const delta: LiveSetDelta<T> = { started: [...this.started.values()], updated: [...this.updated.values()], ended: [...this.ended], resync: false };
    this.started.clear();
    this.updated.clear();
    this.ended.clear();
    return delta;
  }
}
