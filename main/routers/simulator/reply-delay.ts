/**
 * A connection's output held back by a fixed time, like a link with that latency: each piece
 * leaves `ms` after it was produced, so the replies to commands sent pipelined are in flight
 * together rather than one after another. Node fires timers of one duration in the order they
 * were set, so what was produced first still leaves first.
 */
export class ReplyDelay {
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(private readonly ms: number) {}

  /** Runs `action` after the delay, or now when there is none. */
  later(action: () => void): void {
    if (this.ms <= 0) return action();
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      action();
    }, this.ms);
    this.pending.add(timer);
  }

  /** Drops everything still held (the connection is gone). */
  clear(): void {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
