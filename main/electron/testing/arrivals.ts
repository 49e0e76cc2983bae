/**
 * What a test's callbacks received, with a promise for the first item (already here or still to
 * come) that matches: tests wait for the item itself, never a sleep or a poll.
 */
export function arrivals<T>(timeoutMs = 20_000) {
  const seen: T[] = [];
  const waiters = new Set<() => void>();
  return {
    seen,
    push(item: T): void {
      seen.push(item);
      for (const check of [...waiters]) check();
    },
    /** The first match at index `from` or later. */
    first(match: (item: T) => boolean, what: string, from = 0): Promise<T> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited ${timeoutMs} ms for ${what}; saw ${JSON.stringify(seen.slice(from))}`));
        }, timeoutMs);
        const check = () => {
          const found = seen.slice(from).find(match);
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
