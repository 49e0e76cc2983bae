/**
 * Open `/interface/monitor-traffic` streams per interface, so tests can check that a console
 * stops watching (closing the router page must end the stream on the router).
 */
export class TrafficMonitors {
  private readonly open = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  /** Counts a stream on these interfaces; the returned function un-counts it (idempotent). */
  start(names: readonly string[]): () => void {
    for (const n of names) this.open.set(n, (this.open.get(n) ?? 0) + 1);
    this.changed();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      for (const n of names) {
        const left = (this.open.get(n) ?? 1) - 1;
        if (left > 0) this.open.set(n, left);
        else this.open.delete(n);
      }
      this.changed();
    };
  }

  /** Resolves once the total of open streams satisfies `predicate` (now, if it does): tests wait on it instead of polling. */
  until(predicate: (total: number) => boolean): Promise<void> {
    if (predicate(this.count())) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => {
        if (!predicate(this.count())) return;
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  private changed(): void {
    for (const check of [...this.waiters]) check();
  }

  /** Streams open on one interface, or on all of them. */
  count(name?: string): number {
    if (name !== undefined) return this.open.get(name) ?? 0;
    let total = 0;
    for (const n of this.open.values()) total += n;
    return total;
  }
}
