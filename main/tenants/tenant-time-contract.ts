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

/** The wall time at instant `at` (ms) in the zone. */
export function wallTimeAt(at: number, timeZone: string | undefined): WallTime {
  const p = Object.fromEntries(wallFormat(timeZone).formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** The wall time at `at` in the zone, as if it were UTC (ms): the difference to `at` is the zone's offset then. */
export function wallAsUtc(at: number, timeZone: string | undefined): number {
  const w = wallTimeAt(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/**
 * The instant (ms) at which the zone's clocks show this wall time. Twice through the offset, so a
 * time next to a daylight-saving change lands on the right side of it (a skipped hour resolves to
 * the instant after the change). Fields out of range roll over as in Date.UTC (day 0 = last of the
 * previous month), which makes "n days before" simple arithmetic on `day`.
 */
export function zonedToInstant(wall: Omit<WallTime, 'second'> & { second?: number }, timeZone: string | undefined): number {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  let at = guess - (wallAsUtc(guess, timeZone) - guess);
  at = guess - (wallAsUtc(at, timeZone) - at);
  return at;
}

/** The instant the zone's calendar day holding `at` begins (midnight, or the first instant after a skipped one). */
export function startOfZonedDay(at: number, timeZone: string | undefined): number {
  const w = wallTimeAt(at, timeZone);
  return zonedToInstant({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 }, timeZone);
}
