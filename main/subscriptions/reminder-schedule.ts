import { wallTimeAt, zonedToInstant } from '../tenants/tenant-time-contract';
import { REMINDER_HOUR } from './contract';

const DAY_SECONDS = 86_400;

/**
 * When the reminder `offsetSeconds` before `validUntil` is due. Whole days count in the tenant's
 * calendar ("3 days" = 09:00 on the day three days before the expiry's day, in the tenant's zone,
 * across daylight-saving changes); other offsets are that long before the instant.
 */
export function reminderDueAt(validUntil: number, offsetSeconds: number, timeZone: string): number {
  if (offsetSeconds % DAY_SECONDS !== 0) return validUntil - offsetSeconds * 1000;
  const end = wallTimeAt(validUntil, timeZone);
  return zonedToInstant({ year: end.year, month: end.month, day: end.day - offsetSeconds / DAY_SECONDS, hour: REMINDER_HOUR, minute: 0 }, timeZone);
}

/**
 * The reminder to send now, if any: the smallest offset that is due and smaller than the last one
 * sent for this valid-until (so each goes once, and a subscription bought two days before its end
 * gets its "3 days" reminder at once, then its "1 day" one on time).
 */
export function reminderToSend(validUntil: number, remindedOffset: number | null, offsets: readonly number[], timeZone: string, now: number): number | null {
  let chosen: number | null = null;
  for (const offset of offsets) {
    if (remindedOffset !== null && offset >= remindedOffset) continue;
    if (now < validUntil && reminderDueAt(validUntil, offset, timeZone) <= now && (chosen === null || offset < chosen)) chosen = offset;
  }
  return chosen;
}
