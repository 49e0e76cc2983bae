import type { CallOptions, RosRecord } from './router-connection';
import { formatBoolean, formatDuration, parseBoolean, parseDuration, parseNumber, parseRouterDate } from './values';

/**
 * Typed menus are tables: each field names its API attribute and its parser. The table gives the
 * `.proplist` of every read (only what the console uses crosses the wire) and the typed record.
 */
export interface RouterCaller {
  readonly name: string;
  call(words: readonly string[], options?: CallOptions): Promise<RosRecord[]>;
}

export type Parse<T> = (value: string | undefined) => T;
export type RecordSpec<T> = { readonly [K in keyof T]: readonly [attribute: string, parse: Parse<T[K]>] };

// Field parsers. Absent attributes: null, except where RouterOS omits a default (flags → false).
export const text: Parse<string> = (v) => v ?? '';
export const optText: Parse<string | null> = (v) => (v === undefined || v === '' ? null : v);
export const num: Parse<number | null> = parseNumber;
export const count: Parse<number> = (v) => parseNumber(v) ?? 0;
export const flag: Parse<boolean> = (v) => parseBoolean(v) ?? false;
export const duration: Parse<number | null> = parseDuration;
export const date: Parse<string | null> = parseRouterDate;

export function proplistOf<T>(spec: RecordSpec<T>): string[] {
  return Object.values<readonly [string, Parse<unknown>]>(spec).map(([attribute]) => attribute);
}

export function readRecord<T>(spec: RecordSpec<T>, row: RosRecord): T {
  const out = {} as T;
  for (const key of Object.keys(spec) as Array<keyof T>) {
    const [attribute, parse] = spec[key];
    out[key] = parse(row[attribute]);
  }
  return out;
}

/** `print` with the spec's `.proplist` (and optional query words such as `?type=pppoe-in`). */
export async function printTyped<T>(c: RouterCaller, path: string, spec: RecordSpec<T>, query: readonly string[] = []): Promise<T[]> {
  const rows = await c.call([`${path}/print`, `=.proplist=${proplistOf(spec).join(',')}`, ...query]);
  return rows.map((row) => readRecord(spec, row));
}

// ── writes ────────────────────────────────────────────────────────────────────

export type Format<V> = (value: V) => string;
export type InputSpec<I> = { readonly [K in keyof I]-?: readonly [attribute: string, format: Format<NonNullable<I[K]>>] };

export const asText: Format<string> = (v) => v;
export const asNumber: Format<number> = (v) => String(v);
export const asBoolean: Format<boolean> = formatBoolean;
export const asDuration: Format<number> = formatDuration;

/** `=attr=value` words for the fields present in `input` (undefined fields are left alone). */
export function inputWords<I>(spec: InputSpec<I>, input: Partial<I>): string[] {
  const words: string[] = [];
  for (const key of Object.keys(input) as Array<keyof I>) {
    const value = input[key];
    const field = spec[key];
    if (value === undefined || value === null || !field) continue;
    const [attribute, format] = field;
    words.push(`=${attribute}=${format(value as NonNullable<I[keyof I]>)}`);
  }
  return words;
}

/** `add`: resolves with the new item's `.id` (from `!done =ret=`). */
export async function addItem(c: RouterCaller, path: string, words: readonly string[]): Promise<string> {
  const rows = await c.call([`${path}/add`, ...words]);
  const id = rows.at(-1)?.ret;
  if (!id) throw new Error(`router '${c.name}' did not return the new item's id for ${path}/add`);
  return id;
}

/** `set` on one item, by `.id` (or name where the menu allows it). */
export async function setItem(c: RouterCaller, path: string, id: string, words: readonly string[]): Promise<void> {
  await c.call([`${path}/set`, `=.id=${id}`, ...words]);
}

/** `remove` one item; on `/ip/hotspot/active` and `/ppp/active` this kicks the session. */
export async function removeItem(c: RouterCaller, path: string, id: string): Promise<void> {
  await c.call([`${path}/remove`, `=.id=${id}`]);
}

/** A menu the console reads and edits: typed `print`, `add` (resolves with the new `.id`), `set`, `remove`. */
export interface EditableMenu<T, I> {
  /** `name` filters on the router (`?name=`). */
  list(c: RouterCaller, filter?: { name?: string }): Promise<T[]>;
  add(c: RouterCaller, input: I): Promise<string>;
  update(c: RouterCaller, id: string, changes: Partial<I>): Promise<void>;
  remove(c: RouterCaller, id: string): Promise<void>;
}

export function editableMenu<T, I>(path: string, spec: RecordSpec<T>, input: InputSpec<I>): EditableMenu<T, I> {
  return {
    list: (c, filter = {}) => printTyped(c, path, spec, filter.name === undefined ? [] : [`?name=${filter.name}`]),
    add: (c, values) => addItem(c, path, inputWords(input, values)),
    update: (c, id, changes) => setItem(c, path, id, inputWords(input, changes)),
    remove: (c, id) => removeItem(c, path, id),
  };
}
