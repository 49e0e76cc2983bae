/**
 * Wall-clock time in a tenant's IANA time zone, with Intl only (no Node, so the renderer uses it
 * too): expiry days, reminder times, report buckets and the forms' date fields all read time the
 * way the tenant's customers do, whatever zone the console's machine is in.
 */

export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(key, format);
  }
  return format;
}

/** How far the zone's clocks are from UTC at `at`, read with Intl. */
function offsetByIntl(at: number, timeZone: string | undefined): number {
  const p = Object.fromEntries(wallFormat(timeZone).formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at / 1000) * 1000;
}

const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The zone's offset from UTC at `at` (ms). Zones change offset only at whole quarter hours of UTC
 * (their offsets are multiples of 15 minutes and they change at local wall times on the minute),
 * so one Intl read per zone and quarter hour serves every instant in it: a sweep over thousands
 * of expiry times makes a few hundred Intl calls, not tens of thousands.
 */
export function zoneOffsetMs(at: number, timeZone: string | undefined): number {
  const key = `${timeZone ?? ''}|${Math.floor(at / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= 50_000) offsets.clear();
    offset = offsetByIntl(Math.floor(at / QUARTER_HOUR) * QUARTER_HOUR, timeZone);
    offsets.set(key, offset);
  }
  return offset;
}

/** The wall time at instant `at` (ms) in the zone. */
export function wallTimeAt(at: number, timeZone: string | undefined): WallTime {
  const wall = new Date(at + zoneOffsetMs(at, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() };
}

/** The wall time at `at` in the zone, as if it were UTC (ms, whole seconds): the difference to `at` is the zone's offset then. */
export function wallAsUtc(at: number, timeZone: string | undefined): number {
  return Math.floor((at + zoneOffsetMs(at, timeZone)) / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant (ms) at which the zone's clocks show this wall time. A time skipped by a
 * daylight-saving jump reads as the same distance after the jump; a repeated time as its first
 * occurrence. Fields out of range roll over as in Date.UTC (day 0 = last of the previous month),
 * which makes "n days before" simple arithmetic on `day`.
 */
export function zonedToInstant(wall: Omit<WallTime, 'second'> & { second?: number }, timeZone: string | undefined): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  // The offsets in force a day either side are the only candidates (zones change at most once a
  // day); a candidate is right when the zone's clock reads the wall time at it.
  const before = zoneOffsetMs(asUtc - DAY_MS, timeZone);
  const after = zoneOffsetMs(asUtc + DAY_MS, timeZone);
  const matching = [asUtc - before, asUtc - after].filter((t) => t + zoneOffsetMs(t, timeZone) === asUtc);
  // None: the wall time was skipped; the offset before the jump carries it past the jump.
  return matching.length > 0 ? Math.min(...matching) : asUtc - before;
}

/** The instant the zone's calendar day holding `at` begins (midnight, or the first instant after a skipped one). */
export function startOfZonedDay(at: number, timeZone: string | undefined): number {
  const w = wallTimeAt(at, timeZone);
  return zonedToInstant({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 }, timeZone);
}
