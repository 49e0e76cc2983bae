import { zonedToInstant } from '../tenants/tenant-time-contract';

/**
 * A router's clock reading (wall time, no zone on the API) as an instant, given the zone the
 * router's clock runs in. Intl only: the zone rules ship with the runtime.
 */

/** Whether the runtime knows this IANA zone (`Africa/Kampala` yes, `Mars/Base` no). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Epoch ms of the wall time `2024-01-02T10:00:00` in `zone` (see zonedToInstant: a skipped time
 * reads as the same distance after the jump, a repeated one as its first occurrence).
 * An unknown zone: RangeError.
 */
export function wallTimeToEpoch(wallTime: string, zone: string): number {
  const [year, month, day, hour = 0, minute = 0, second = 0] = wallTime.split(/[-T:]/).map(Number) as number[];
  return zonedToInstant({ year: year!, month: month!, day: day!, hour, minute, second }, zone);
}
