import { sameOrderDiff } from './order-diff';

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

/** More changed rows than this between two renders: compare by key (holdOrder) instead of diffing. */
const DIFF_BUDGET = 2_000;

/**
 * holdOrder kept up to date render after render at the cost of what changed, not of all rows:
 * live batches to 20,000 held rows would otherwise rebuild a key map of every row each time.
 * Holds the rows' places (with holes where rows left) and an index of key → place; each new
 * `next` is diffed against the previous one (sameOrderDiff) and only its changes are applied.
 */
export class HeldOrder<R> {
  private slots: Array<R | undefined>;
  private readonly place = new Map<string, number>();
  private lastNext: readonly R[];
  private shown: readonly R[];

  constructor(
    rows: readonly R[],
    private readonly rowKey: (row: R) => string,
  ) {
    this.slots = rows.slice();
    rows.forEach((row, i) => this.place.set(rowKey(row), i));
    this.lastNext = rows;
    this.shown = rows;
  }

  /** `next`'s rows in the held order: the same array as before when nothing changed. */
  update(next: readonly R[]): readonly R[] {
    if (next === this.lastNext) return this.shown;
    const diff = sameOrderDiff(this.lastNext, next, this.rowKey, DIFF_BUDGET);
    this.lastNext = next;
    if (!diff) return this.reset(holdOrder(this.shown, next, this.rowKey), next);
    if (diff.updated.length === 0 && diff.removed.length === 0 && diff.added.length === 0) return this.shown;
    const moved = new Set<string>();
    for (const row of diff.added) if (this.place.has(this.rowKey(row))) moved.add(this.rowKey(row));
    for (const key of diff.removed) {
      if (moved.has(key)) continue;
      this.slots[this.place.get(key)!] = undefined;
      this.place.delete(key);
    }
    // A row that moved (its key left one place and came at another) keeps its held place.
    for (const row of [...diff.updated, ...diff.added]) {
      const key = this.rowKey(row);
      const at = this.place.get(key);
      if (at !== undefined) this.slots[at] = row;
      else {
        this.place.set(key, this.slots.length);
        this.slots.push(row);
      }
    }
    const shown: R[] = [];
    for (const row of this.slots) if (row !== undefined) shown.push(row);
    // Holes are squeezed out once they are a good part of the array.
    if (shown.length < this.slots.length / 2) return this.reset(shown, next);
    this.shown = shown;
    return shown;
  }

  private reset(shown: readonly R[], next: readonly R[]): readonly R[] {
    this.slots = shown.slice();
    this.place.clear();
    shown.forEach((row, i) => this.place.set(this.rowKey(row), i));
    this.lastNext = next;
    this.shown = shown;
    return shown;
  }
}
