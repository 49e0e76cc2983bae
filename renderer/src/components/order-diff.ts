/** What changed between two arrays of keyed rows in the same order (one live batch apart). */
export interface OrderDiff<R> {
  /** Rows whose key stayed but whose object is new (a patch). */
  updated: R[];
  /** Keys of rows that left. */
  removed: string[];
  /** Rows whose key is new, in `next`'s order. */
  added: R[];
}

/** Rows looked ahead for a match before the diff gives up (a re-sort, not a batch). */
const LOOKAHEAD = 8;

/**
 * The rows removed, added and patched from `previous` to `next`, when `next` is `previous` with
 * rows dropped, inserted and swapped for new objects but otherwise in the same order (what a live
 * batch does to a sorted list whose sort it did not touch). Walks both once comparing object
 * identity (cheap), so keys are read only around changes. Null when the order changed too much
 * to tell (a re-sort) or more than `budget` rows changed: the caller then compares by key.
 */
export function sameOrderDiff<R>(previous: readonly R[], next: readonly R[], rowKey: (row: R) => string, budget: number): OrderDiff<R> | null {
  const diff: OrderDiff<R> = { updated: [], removed: [], added: [] };
  let changes = 0;
  let i = 0;
  let j = 0;
  while (i < previous.length && j < next.length) {
    const a = previous[i]!;
    const b = next[j]!;
    if (a === b) {
      i++;
      j++;
      continue;
    }
    if (++changes > budget) return null;
    const ka = rowKey(a);
    const kb = rowKey(b);
    if (ka === kb) {
      diff.updated.push(b);
      i++;
      j++;
      continue;
    }
    // `b`'s key a little further on in `previous`: the rows before it there left.
    const gone = lookAhead(previous, i + 1, kb, rowKey);
    if (gone >= 0) {
      for (let k = i; k < gone; k++) diff.removed.push(rowKey(previous[k]!));
      i = gone;
      continue;
    }
    // `a`'s key a little further on in `next`: the rows before it there came.
    const came = lookAhead(next, j + 1, ka, rowKey);
    if (came >= 0) {
      for (let k = j; k < came; k++) diff.added.push(next[k]!);
      j = came;
      continue;
    }
    // Neither found nearby: `a` left and `b` came in its place (or the order changed: then the keys will not line up again).
    diff.removed.push(ka);
    diff.added.push(b);
    i++;
    j++;
  }
  for (; i < previous.length; i++) diff.removed.push(rowKey(previous[i]!));
  for (; j < next.length; j++) diff.added.push(next[j]!);
  return diff.removed.length + diff.added.length + diff.updated.length > budget ? null : diff;
}

function lookAhead<R>(rows: readonly R[], from: number, key: string, rowKey: (row: R) => string): number {
  const end = Math.min(rows.length, from + LOOKAHEAD);
  for (let k = from; k < end; k++) if (rowKey(rows[k]!) === key) return k;
  return -1;
}
