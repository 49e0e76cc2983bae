/**
 * RouterOS API values are all strings. These parse them into typed fields (and format the few
 * that the console writes back). Unparseable input gives `null`, never a throw: one odd value
 * from one router must not break a whole print.
 */

const UNIT_SECONDS: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1, ms: 0.001, us: 0.000_001 };
const UNIT_DURATION = /^(?:\d+(?:\.\d+)?(?:w|d|h|ms|us|m|s))+$/;
const UNIT_PART = /(\d+(?:\.\d+)?)(w|d|h|ms|us|m|s)/g;
// `1d22:36:21`, `22:36:21`, `2w1d00:00:05.5` (the clock part may follow w/d units)
const CLOCK_DURATION = /^((?:\d+[wd])*)(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;

/**
 * Seconds in a RouterOS duration: `2w4d14h35m20s`, `1d22:36:21`, `00:05:00`, `150ms`, `0s`.
 * `none`, empty and anything else: null. Fractions are kept (`1s500ms` = 1.5).
 */
export function parseDuration(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = text.trim();
  if (value === '' || value === 'none') return null;
  if (UNIT_DURATION.test(value)) return sumUnits(value);
  const clock = CLOCK_DURATION.exec(value);
  if (clock) {
    const [, units = '', h, m, s] = clock;
    return round(sumUnits(units) + Number(h) * 3600 + Number(m) * 60 + Number(s));
  }
  return null;
}

function sumUnits(value: string): number {
  let total = 0;
  for (const [, n, unit] of value.matchAll(UNIT_PART)) total += Number(n) * UNIT_SECONDS[unit!]!;
  return round(total);
}

/** Avoid 0.1 + 0.2 noise from the unit arithmetic (microsecond precision is plenty). */
function round(seconds: number): number {
  return Math.round(seconds * 1_000_000) / 1_000_000;
}

/** Seconds → the unit form RouterOS accepts on input (`1d2h3m4s`, `0s`). Sub-second → `ms`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError(`not a duration: ${seconds}`);
  let rest = Math.round(seconds * 1000);
  let out = '';
  for (const [unit, size] of [['w', 604_800_000], ['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || '0s';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const OLD_DATE = /^([a-z]{3})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2}):(\d{2}))?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;

/**
 * A router date/time in either format — `jun/26/2023 00:32:53` (before 7.10) or
 * `2023-06-26 00:32:53` (7.10+) — as `2023-06-26T00:32:53` (date only: `2023-06-26`). The router's
 * clock has no zone on the API, so the result is the router's local time, deliberately without
 * one. `never`, empty or malformed: null.
 */
export function parseRouterDate(text: string | undefined): string | null {
  if (text === undefined) return null;
  const value = text.trim();
  let y: string, mo: string, d: string, time: string[];
  const old = OLD_DATE.exec(value);
  const iso = old ? null : ISO_DATE.exec(value);
  if (old) {
    const month = MONTHS.indexOf(old[1]!.toLowerCase());
    if (month < 0) return null;
    [y, mo, d] = [old[3]!, String(month + 1), old[2]!];
    time = old.slice(4, 7).filter((t): t is string => t !== undefined);
  } else if (iso) {
    [y, mo, d] = [iso[1]!, iso[2]!, iso[3]!];
    time = iso.slice(4, 7).filter((t): t is string => t !== undefined);
  } else {
    return null;
  }
  const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!validDate(Number(y), Number(mo), Number(d))) return null;
  if (time.length === 0) return date;
  const [h, mi, s] = time.map(Number) as [number, number, number];
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${date}T${time.map((t) => t.padStart(2, '0')).join(':')}`;
}

function validDate(y: number, m: number, d: number): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** `true`/`yes` → true, `false`/`no` → false (RouterOS prints the first, accepts both); else null. */
export function parseBoolean(text: string | undefined): boolean | null {
  switch (text?.trim().toLowerCase()) {
    case 'true':
    case 'yes':
      return true;
    case 'false':
    case 'no':
      return false;
    default:
      return null;
  }
}

/** The spelling RouterOS documents for input. */
export function formatBoolean(value: boolean): 'yes' | 'no' {
  return value ? 'yes' : 'no';
}

/** A plain decimal number (`970981376`, `0`, `-3`, `1.5`); `0x…` hex too. Units or words: null. */
export function parseNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = text.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(value)) return Number(value);
  if (/^0x[0-9a-f]+$/i.test(value)) return Number.parseInt(value.slice(2), 16);
  return null;
}

/** A text attribute: absent → null, otherwise the value as is (an empty string stays empty). */
export function parseText(text: string | undefined): string | null {
  return text === undefined ? null : text;
}
