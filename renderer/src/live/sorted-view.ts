import type { RowChange } from './keyed-rows';

/** The part of a keyed live set (see keyed-rows.ts) a sorted view reads. */
export interface LiveSet<R> {
  rows: ReadonlyMap<string, R>;
  revision: number;
  lastChange: RowChange | null;
}

export type SortDirection = 'asc' | 'desc';

/** How a column sorts: its value and which row fields that value is computed from. */
export interface SortKey<R> {
  kind: 'text' | 'number';
  value: (row: R) => string | number | null;
  /** Row fields the value depends on: a patch touching none of them cannot move a row. */
  fields: readonly string[];
}

export interface ViewSpec {
  sortColumn: string;
  sortDirection: SortDirection;
  /** Only this router's rows; null: every router. */
  routerId: number | null;
  /** Case-insensitive substring over the searchable fields; '' matches everything. */
  text: string;
}

export interface SortedViewOptions<R> {
  sortKeys: Readonly<Record<string, SortKey<R>>>;
  /** Fields the free-text filter looks in. */
  searchFields: readonly (keyof R & string)[];
}

// Numeric collation so "user2" sorts before "user10"; one collator for every compare.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareValues(kind: 'text' | 'number', a: string | number | null, b: string | number | null): number {
  // Unknown values sort last in either direction's primary order.
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (kind === 'number') return (a as number) - (b as number);
  return collator.compare(a as string, b as string);
}

/** A total order: the column, then the row key, so equal values keep a fixed, stable order. */
export function makeComparator<R extends { key: string }>(key: SortKey<R>, direction: SortDirection): (a: R, b: R) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = key.value(a);
    const vb = key.value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compareValues(key.kind, va, vb);
      if (c !== 0) return sign * c;
    }
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  };
}

function sameSpec(a: ViewSpec, b: ViewSpec): boolean {
  return a.sortColumn === b.sortColumn && a.sortDirection === b.sortDirection && a.routerId === b.routerId && a.text === b.text;
}

interface Cache<R> {
  rows: ReadonlyMap<string, R>;
  revision: number;
  spec: ViewSpec;
  result: R[];
}

/**
 * A memoized selector from a keyed live set to the rows a table shows, sorted and filtered.
 * Same set and spec: the same array (no re-render). One delta whose patches touch neither the
 * sort column nor the filtered fields: the previous order is kept, ended rows dropped and
 * started rows merged in — O(n) with no full sort. Anything else: one filter and one sort.
 */
export function createSortedView<R extends { key: string; routerId: number }>(options: SortedViewOptions<R>) {
  let cache: Cache<R> | null = null;
  const haystacks = new WeakMap<R, string>();

  const haystack = (row: R): string => {
    let text = haystacks.get(row);
    if (text === undefined) {
      text = options.searchFields.map((f) => String(row[f] ?? '')).join('\u0000').toLowerCase();
      haystacks.set(row, text);
    }
    return text;
  };

  const select = (live: LiveSet<R>, spec: ViewSpec): R[] => {
    if (cache && cache.rows === live.rows && sameSpec(cache.spec, spec)) return cache.result;
    const key = options.sortKeys[spec.sortColumn] ?? Object.values(options.sortKeys)[0]!;
    const needle = spec.text.trim().toLowerCase();
    const matches = (row: R) => (spec.routerId === null || row.routerId === spec.routerId) && (needle === '' || haystack(row).includes(needle));
    const compare = makeComparator(key, spec.sortDirection);

    const change = live.lastChange;
    let result: R[];
    if (cache && change && cache.revision === change.revision - 1 && sameSpec(cache.spec, spec) && !touches(change.fields, key, spec, options)) {
      result = patchOrder(cache.result, live, change.started, matches, compare);
    } else {
      result = [];
      for (const row of live.rows.values()) if (matches(row)) result.push(row);
      result.sort(compare);
    }
    cache = { rows: live.rows, revision: live.revision, spec, result };
    return result;
  };
  return { select, reset: () => (cache = null) };
}

function touches<R>(fields: ReadonlySet<string>, key: SortKey<R>, spec: ViewSpec, options: SortedViewOptions<R>): boolean {
  if (key.fields.some((f) => fields.has(f))) return true;
  if (spec.routerId !== null && fields.has('routerId')) return true;
  if (spec.text.trim() !== '' && options.searchFields.some((f) => fields.has(f))) return true;
  return false;
}

/** Keeps the previous order: current objects for survivors, sorted new rows merged in. */
function patchOrder<R extends { key: string }>(
  previous: readonly R[],
  live: LiveSet<R>,
  started: readonly string[],
  matches: (row: R) => boolean,
  compare: (a: R, b: R) => number,
): R[] {
  const restarted = started.length > 0 ? new Set(started) : null;
  const kept: R[] = [];
  for (const row of previous) {
    if (restarted?.has(row.key)) continue;
    const current = live.rows.get(row.key);
    if (current) kept.push(current);
  }
  if (!restarted) return kept;
  const added: R[] = [];
  for (const k of started) {
    const row = live.rows.get(k);
    if (row && matches(row)) added.push(row);
  }
  if (added.length === 0) return kept;
  added.sort(compare);
  const merged: R[] = new Array(kept.length + added.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < kept.length && j < added.length) merged[o++] = compare(kept[i]!, added[j]!) <= 0 ? kept[i++]! : added[j++]!;
  while (i < kept.length) merged[o++] = kept[i++]!;
  while (j < added.length) merged[o++] = added[j++]!;
  return merged;
}
