/*
 * The calendar of reports: local dates (`2026-12-02`, a day of the tenant's own calendar, no
 * zone) and how a range of them is cut into days, ISO weeks and months. Pure calendar arithmetic
 * on UTC dates, shared by the core (main/reports/zoned-buckets.ts turns the dates into instants
 * in the tenant's zone) and the renderer (range presets, labels).
 */

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A day of a tenant's calendar, `YYYY-MM-DD`. */
export type LocalDate = string;

/** One column of a report: a day, an ISO week or a month, cut to the range asked for. */
export interface ReportBucket {
  /** `2026-12-02`, `2026-W49` (ISO week, Monday first) or `2026-12`. */
  key: string;
  /** The first and last local day of the bucket inside the range (inclusive). */
  from: LocalDate;
  to: LocalDate;
}

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of the date (a calendar index, not an instant of any tenant), or null when no such day exists. */
export function dateIndex(date: string): number | null {
  const m = LOCAL_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: such a date does not exist.
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && y >= 1970 ? ms : null;
}

const fromIndex = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);

const requireIndex = (date: LocalDate): number => {
  const ms = dateIndex(date);
  if (ms === null) throw new RangeError(`not a date: ${date} (YYYY-MM-DD)`);
  return ms;
};

export const addDays = (date: LocalDate, days: number): LocalDate => fromIndex(requireIndex(date) + days * DAY_MS);

/** Whole days from `a` to `b` (b − a). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => Math.round((requireIndex(b) - requireIndex(a)) / DAY_MS);

/** The first day of the month `months` after the month of `date` (negative: before). */
export function monthStart(date: LocalDate, months = 0): LocalDate {
  const d = new Date(requireIndex(date));
  return fromIndex(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
}

/** The Monday of the ISO week that holds `date`. */
export function weekStart(date: LocalDate): LocalDate {
  const weekday = (new Date(requireIndex(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

/** `2026-W49`: the ISO week-numbering year is the one of the week's Thursday (1 January 2027 is in 2026-W53). */
export function isoWeekKey(date: LocalDate): string {
  const thursday = addDays(weekStart(date), 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function bucketKey(start: LocalDate, granularity: Granularity): string {
  if (granularity === 'day') return start;
  if (granularity === 'week') return isoWeekKey(start);
  return start.slice(0, 7);
}

function nextStart(start: LocalDate, granularity: Granularity): LocalDate {
  if (granularity === 'day') return addDays(start, 1);
  if (granularity === 'week') return addDays(weekStart(start), 7);
  return monthStart(start, 1);
}

/**
 * The buckets of `from`..`to` (both inclusive): whole days, or ISO weeks and months cut to the
 * range (a range from the 15th has a first month of the 15th to its end), so that the buckets
 * add up to exactly the range and no payment outside it is counted.
 */
export function bucketDates(from: LocalDate, to: LocalDate, granularity: Granularity): ReportBucket[] {
  const buckets: ReportBucket[] = [];
  for (let start = from; daysBetween(start, to) >= 0; start = nextStart(start, granularity)) {
    const next = nextStart(start, granularity);
    const end = daysBetween(next, to) >= 0 ? addDays(next, -1) : to;
    buckets.push({ key: bucketKey(start, granularity), from: start, to: end });
  }
  return buckets;
}

const calendars = new Map<string, Intl.DateTimeFormat>();

/** The tenant's calendar day at an instant: `2026-12-02` in Nairobi is still `2026-12-01` in Los Angeles. */
export function localDateAt(epochMs: number, timeZone: string): LocalDate {
  let format = calendars.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    calendars.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();
const labelFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = labelFormats.get(key);
  if (!format) {
    // Local dates are calendar days, not instants: read as UTC they never shift a day.
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    labelFormats.set(key, format);
  }
  return format;
};

/**
 * A bucket as people read it, in the tenant's locale: `2 Dec 2026`, `2026-W49 (30 Nov – 6 Dec)`,
 * `December 2026` (a month cut by the range says which days: `Dec 2026 (1 – 15 Dec)`).
 */
export function bucketLabel(bucket: ReportBucket, granularity: Granularity, locale?: string): string {
  const day = (date: LocalDate, withYear: boolean) => labelFormat(locale, withYear ? { dateStyle: 'medium' } : { day: 'numeric', month: 'short' }).format(dateIndex(date)!);
  if (granularity === 'day') return day(bucket.from, true);
  if (granularity === 'week') return `${bucket.key} (${day(bucket.from, false)} – ${day(bucket.to, false)})`;
  const whole = bucket.from === monthStart(bucket.from) && addDays(bucket.to, 1) === monthStart(bucket.from, 1);
  const month = labelFormat(locale, { month: whole ? 'long' : 'short', year: 'numeric' }).format(dateIndex(bucket.from)!);
  return whole ? month : `${month} (${day(bucket.from, false)} – ${day(bucket.to, false)})`;
}
