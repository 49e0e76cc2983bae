import type { RowChange } from './keyed-rows';
import { naturalCompare } from './natural-compare';

/** The part of a keyed live set (see keyed-rows.ts) a sorted view reads. */
export interface LiveSet<R> {
  rows: ReadonlyMap<string, R>;
  revision: number;
  lastChange: RowChange | null;
}

export type SortDirection = 'asc' | 'desc';

/**
 * How a column sorts: its value and which row fields that value is computed from.
 * `text` sorts naturally and case-insensitively ("user2" < "user10", IP addresses by octet);
 * `code` sorts case-insensitively by code unit (MAC addresses, hex ids); `number` numerically.
 */
export interface SortKey<R> {
  kind: 'text' | 'code' | 'number';
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

type Value = string | number | null;

/** The value a row sorts by: text lowercased once, so compares stay cheap. */
function sortValue<R>(key: SortKey<R>, row: R): Value {
  const v = key.value(row);
  return typeof v === 'string' ? v.toLowerCase() : v;
}

/** Compares two sort values in a direction; unknown values sort last either way. */
function compareSortValues(kind: SortKey<unknown>['kind'], sign: number, a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (kind === 'number') return sign * ((a as number) - (b as number));
  if (kind === 'text') return sign * naturalCompare(a as string, b as string);
  return sign * (a < b ? -1 : a > b ? 1 : 0);
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A total order: the column, then the row key, so equal values keep a fixed, stable order. */
export function makeComparator<R extends { key: string }>(key: SortKey<R>, direction: SortDirection): (a: R, b: R) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => compareSortValues(key.kind, sign, sortValue(key, a), sortValue(key, b)) || byKey(a.key, b.key);
}

/** Filter + sort from scratch, computing each row's sort value once (not once per compare). */
export function sortRows<R extends { key: string }>(rows: Iterable<R>, key: SortKey<R>, direction: SortDirection, matches: (row: R) => boolean): R[] {
  const sign = direction === 'asc' ? 1 : -1;
  const decorated: Array<{ v: Value; row: R }> = [];
  for (const row of rows) if (matches(row)) decorated.push({ v: sortValue(key, row), row });
  decorated.sort((a, b) => compareSortValues(key.kind, sign, a.v, b.v) || byKey(a.row.key, b.row.key));
  const result = new Array<R>(decorated.length);
  for (let i = 0; i < decorated.length; i++) result[i] = decorated[i]!.row;
  return result;
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
 * started rows inserted by binary search — O(n) with no full sort. Anything else: one filter
 * and one sort.
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

    const change = live.lastChange;
    const result =
      cache && change && cache.revision === change.revision - 1 && sameSpec(cache.spec, spec) && !touches(change.fields, key, spec, options)
        ? patchOrder(cache.result, live, change.started, matches, makeComparator(key, spec.sortDirection))
        : sortRows(live.rows.values(), key, spec.sortDirection, matches);
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

/** Keeps the previous order: current objects for survivors, new rows inserted where they sort. */
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
  const added: R[] = [];
  for (const k of started) {
    const row = live.rows.get(k);
    if (row && matches(row)) added.push(row);
  }
  if (added.length === 0) return kept;
  added.sort(compare);
  // Binary search each insertion point (k·log n compares), then one linear merge by position.
  const positions = added.map((row) => {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(kept[mid]!, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  const merged: R[] = new Array(kept.length + added.length);
  let o = 0;
  let from = 0;
  for (let j = 0; j < added.length; j++) {
    for (let i = from; i < positions[j]!; i++) merged[o++] = kept[i]!;
    from = positions[j]!;
    merged[o++] = added[j]!;
  }
  for (let i = from; i < kept.length; i++) merged[o++] = kept[i]!;
  return merged;
}
