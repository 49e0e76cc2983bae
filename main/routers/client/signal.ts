/**
 * A typed, synchronous event with unsubscribe-by-return. A listener that throws is reported to
 * `onListenerError` and does not stop the others (nor the connection that emits).
 */
export class Signal<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: (err: unknown) => void = () => {}) {}

  on(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Resolves with the next value that satisfies `predicate`. */
  next(predicate: (value: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => {
      const off = this.on((value) => {
        if (!predicate(value)) return;
        off();
        resolve(value);
      });
    });
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (err) {
        this.onListenerError(err);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
