import { cached } from '../../format/locale';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall time at `at` in the zone, as if it were UTC (ms): the difference to `at` is the zone's offset then. */
function wallAsUtc(at: number, timeZone: string | undefined): number {
  const format = cached(`wall|${timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
  );
  const p = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/**
 * A `datetime-local` value read in the tenant's time zone (not the browser's: a NOC in Berlin
 * sets a Nairobi customer's expiry in Nairobi time) → an ISO 8601 instant. Twice through the
 * offset, so a time next to a daylight-saving change lands on the right side of it.
 */
export function wallTimeToIso(text: string, timeZone: string | undefined): string | null {
  const m = WALL.exec(text);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(guess)) return null;
  let at = guess - (wallAsUtc(guess, timeZone) - guess);
  at = guess - (wallAsUtc(at, timeZone) - at);
  return new Date(at).toISOString();
}

/** An instant as a `datetime-local` value in the tenant's time zone. */
export function isoToWallTime(iso: string | null, timeZone: string | undefined): string {
  if (iso === null) return '';
  const at = Date.parse(iso);
  return Number.isFinite(at) ? new Date(wallAsUtc(at, timeZone)).toISOString().slice(0, 16) : '';
}
