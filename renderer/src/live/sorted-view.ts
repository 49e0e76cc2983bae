import type { RowChange } from './keyed-rows';
import { naturalCompare } from './natural-compare';

/** The part of a keyed live set (see keyed-rows.ts) a sorted view reads; `rows` may change in place, `revision` says when. */
export interface LiveSet<R> {
  rows: ReadonlyMap<string, R>;
  revision: number;
  lastChange: RowChange<R> | null;
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

const sameSort = (a: ViewSpec, b: ViewSpec) => a.sortColumn === b.sortColumn && a.sortDirection === b.sortDirection;

/** No filter: every row, in the sort order. */
const unfiltered = (spec: ViewSpec): ViewSpec => ({ ...spec, routerId: null, text: '' });

/** Every row `next` keeps is one `previous` kept: the same sort with a filter that only got stricter (typing on). */
function narrows(previous: ViewSpec, next: ViewSpec): boolean {
  if (!sameSort(previous, next)) return false;
  if (previous.routerId !== null && previous.routerId !== next.routerId) return false;
  return next.text.trim().toLowerCase().includes(previous.text.trim().toLowerCase());
}

interface Cache<R> {
  rows: ReadonlyMap<string, R>;
  revision: number;
  spec: ViewSpec;
  result: R[];
}

/**
 * A memoized selector from a keyed live set to the rows a table shows, sorted and filtered.
 * Same revision and spec: the same array (no re-render). One delta whose patches touch neither
 * the sort column nor the filtered fields: the previous order is patched (see patchOrder).
 * A filter change never sorts while the sort stays: a stricter filter (a key typed) narrows
 * the rows shown, any other filters the whole sorted set, which is kept patched beside the
 * filtered rows while a filter is on. Anything else: one filter and one sort.
 */
export function createSortedView<R extends { key: string; routerId: number }>(options: SortedViewOptions<R>) {
  let cache: Cache<R> | null = null;
  /** Every row in the current sort (no filter), kept while a filter is on so changing it costs no sort. */
  let all: Cache<R> | null = null;
  const haystacks = new WeakMap<R, string>();
  const carryText = (old: R, row: R) => {
    const text = haystacks.get(old);
    if (text !== undefined && !haystacks.has(row)) haystacks.set(row, text);
  };

  const haystack = (row: R): string => {
    let text = haystacks.get(row);
    if (text === undefined) {
      text = options.searchFields.map((f) => String(row[f] ?? '')).join('\u0000').toLowerCase();
      haystacks.set(row, text);
    }
    return text;
  };

  /** `previous` brought to the live set's revision: itself, patched by the one change since, or null. */
  const current = (previous: Cache<R> | null, live: LiveSet<R>, spec: ViewSpec, matches: (row: R) => boolean, key: SortKey<R>): R[] | null => {
    if (!previous || previous.rows !== live.rows || !sameSpec(previous.spec, spec)) return null;
    if (previous.revision === live.revision) return previous.result;
    const change = live.lastChange;
    if (!change || previous.revision !== change.revision - 1 || touches(change.fields, key, spec, options)) return null;
    // A patch that left the searched fields alone keeps the row's search text (counters change every few seconds).
    const keepText = !options.searchFields.some((f) => change.fields.has(f));
    const swapped = keepText ? (old: R, row: R) => carryText(old, row) : undefined;
    return patchOrder(previous.result, live, change, matches, makeComparator(key, spec.sortDirection), swapped);
  };

  const select = (live: LiveSet<R>, spec: ViewSpec): R[] => {
    if (cache && cache.rows === live.rows && cache.revision === live.revision && sameSpec(cache.spec, spec)) return cache.result;
    const key = options.sortKeys[spec.sortColumn] ?? Object.values(options.sortKeys)[0]!;
    const needle = spec.text.trim().toLowerCase();
    const matches = (row: R) => (spec.routerId === null || row.routerId === spec.routerId) && (needle === '' || haystack(row).includes(needle));
    const filtering = spec.routerId !== null || needle !== '';

    const everySpec = unfiltered(spec);
    const everyRow = current(all, live, everySpec, () => true, key);
    all = everyRow ? { rows: live.rows, revision: live.revision, spec: everySpec, result: everyRow } : null;
    let result = filtering ? current(cache, live, spec, matches, key) : everyRow;
    if (!result && filtering && cache && cache.rows === live.rows && cache.revision === live.revision && narrows(cache.spec, spec)) result = cache.result.filter(matches);
    if (!result && filtering && all) result = all.result.filter(matches);
    if (!result) {
      // A sort or filter the person chose sorts every row once, so the next filter change needs
      // no sort; a live change to a sorted column re-sorts only the rows shown.
      const chosen = !cache || !sameSpec(cache.spec, spec);
      if (!filtering || chosen) {
        const sorted = sortRows(live.rows.values(), key, spec.sortDirection, () => true);
        all = { rows: live.rows, revision: live.revision, spec: everySpec, result: sorted };
        result = filtering ? sorted.filter(matches) : sorted;
      } else {
        result = sortRows(live.rows.values(), key, spec.sortDirection, matches);
      }
    }
    cache = { rows: live.rows, revision: live.revision, spec, result };
    return result;
  };
  /**
   * Computes the search text of rows that have none yet, up to `budget` rows; false when some
   * are left. Run when the page is idle, so the first key typed does not pay for all 20,000.
   */
  const prepareSearch = (live: LiveSet<R>, budget: number): boolean => {
    let left = budget;
    for (const row of live.rows.values()) {
      if (haystacks.has(row)) continue;
      if (left-- === 0) return false;
      haystack(row);
    }
    return true;
  };
  return {
    select,
    prepareSearch,
    reset: () => {
      cache = null;
      all = null;
    },
  };
}

function touches<R>(fields: ReadonlySet<string>, key: SortKey<R>, spec: ViewSpec, options: SortedViewOptions<R>): boolean {
  if (key.fields.some((f) => fields.has(f))) return true;
  if (spec.routerId !== null && fields.has('routerId')) return true;
  if (spec.text.trim() !== '' && options.searchFields.some((f) => fields.has(f))) return true;
  return false;
}

/** Index of `row` in the sorted array (by sort value and key), or -1. */
function find<R extends { key: string }>(sorted: readonly R[], row: R, compare: (a: R, b: R) => number): number {
  const i = lowerBound(sorted, row, compare);
  return i < sorted.length && sorted[i]!.key === row.key ? i : -1;
}

function lowerBound<R>(sorted: readonly R[], row: R, compare: (a: R, b: R) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(sorted[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Keeps the previous order when the change moved no row: removed rows are found by binary
 * search (their sort values are unchanged) and dropped, patched rows swapped for their new
 * objects in place, started rows inserted where they sort. k·log n compares and one pass
 * copying references — no per-row lookups, no sort.
 */
function patchOrder<R extends { key: string }>(
  previous: readonly R[],
  live: LiveSet<R>,
  change: RowChange<R>,
  matches: (row: R) => boolean,
  compare: (a: R, b: R) => number,
  /** Hears each row object and the patched one that takes its place. */
  swapped?: (old: R, row: R) => void,
): R[] {
  const drop = new Set<number>();
  for (const old of change.removed) {
    const i = find(previous, old, compare);
    if (i >= 0) drop.add(i);
  }
  const swap = new Map<number, R>();
  for (const key of change.updated) {
    const row = live.rows.get(key);
    if (!row) continue;
    const i = find(previous, row, compare);
    if (i >= 0 && !drop.has(i)) swap.set(i, row);
  }
  const added: R[] = [];
  for (const key of change.started) {
    const row = live.rows.get(key);
    if (row && matches(row)) added.push(row);
  }
  const patched = previous.slice();
  for (const [i, row] of swap) {
    swapped?.(patched[i]!, row);
    patched[i] = row;
  }
  if (drop.size === 0 && added.length === 0) return patched;
  added.sort(compare);
  const at = added.map((row) => lowerBound(previous, row, compare));
  const drops = [...drop].sort((a, b) => a - b);
  // Walk the boundaries in position order, copying the runs between them.
  const result = new Array<R>(patched.length - drops.length + added.length);
  let o = 0;
  let from = 0;
  let d = 0;
  let a = 0;
  const copyTo = (end: number) => {
    for (let i = from; i < end; i++) result[o++] = patched[i]!;
    from = end;
  };
  while (d < drops.length || a < added.length) {
    const nextDrop = d < drops.length ? drops[d]! : Infinity;
    const nextAdd = a < added.length ? at[a]! : Infinity;
    if (nextAdd <= nextDrop) {
      copyTo(nextAdd);
      result[o++] = added[a++]!;
    } else {
      copyTo(nextDrop);
      from = nextDrop + 1;
      d++;
    }
  }
  copyTo(patched.length);
  return result;
}
