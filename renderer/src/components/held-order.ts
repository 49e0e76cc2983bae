/**
 * `next`'s rows in `previous`'s order: rows that are still there keep their places (with their
 * new values), rows that went are dropped, rows that came are appended in `next`'s order. What a
 * sorted live table shows while the pointer is over it, so the row under the pointer (and the
 * Disconnect button on it) does not move away as values change.
 */
export function holdOrder<R>(previous: readonly R[], next: readonly R[], rowKey: (row: R) => string): R[] {
  const byKey = new Map<string, R>();
  for (const row of next) byKey.set(rowKey(row), row);
  const result: R[] = [];
  const kept = new Set<string>();
  for (const row of previous) {
    const key = rowKey(row);
    const current = byKey.get(key);
    if (current !== undefined) {
      result.push(current);
      kept.add(key);
    }
  }
  if (kept.size === byKey.size && result.length === previous.length && result.every((row, i) => row === previous[i])) return previous as R[];
  for (const row of next) if (!kept.has(rowKey(row))) result.push(row);
  return result;
}
