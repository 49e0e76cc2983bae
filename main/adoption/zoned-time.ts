/**
 * A router's clock reading (wall time, no zone on the API) as an instant, given the zone the
 * router's clock runs in. Intl only: the zone rules ship with the runtime.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether the runtime knows this IANA zone (`Africa/Kampala` yes, `Mars/Base` no). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Epoch ms of the wall time `2024-01-02T10:00:00` in `zone`. A time skipped by a daylight-saving
 * jump reads as the same distance after the jump; a repeated time as its first occurrence.
 * An unknown zone: RangeError.
 */
export function wallTimeToEpoch(wallTime: string, zone: string): number {
  const [y, mo, d, h = 0, mi = 0, s = 0] = wallTime.split(/[-T:]/).map(Number) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  // The offsets in force a day either side are the only candidates (zones change at most once a
  // day); a candidate is right when the zone's clock reads the wall time at it.
  const before = offsetAt(asUtc - DAY_MS, zone);
  const after = offsetAt(asUtc + DAY_MS, zone);
  const matching = [asUtc - before, asUtc - after].filter((t) => t + offsetAt(t, zone) === asUtc);
  // None: the wall time was skipped; the offset before the jump carries it past the jump.
  return matching.length > 0 ? Math.min(...matching) : asUtc - before;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `epochMs`. */
function offsetAt(epochMs: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(epochMs)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let found = formatters.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, found);
  }
  return found;
}
