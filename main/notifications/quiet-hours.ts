import { wallTimeToEpoch } from '../adoption/zoned-time';
import type { QuietHours } from './settings-contract';

const DAY_MS = 86_400_000;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The wall-clock date and minute of the day at `at` in `zone`. */
function wallClock(at: number, zone: string): { date: string; minute: number } {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  for (const part of format.formatToParts(at)) parts[part.type] = part.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/**
 * When quiet hours that hold `at` end (epoch ms), or null when `at` is outside them (or they are
 * off). Start and end are wall times in the tenant's zone; an end before the start spans
 * midnight (21:00–07:00). Daylight-saving jumps follow the zone (zoned-time.ts).
 */
export function quietUntil(quiet: QuietHours, zone: string, at: number): number | null {
  if (!quiet.enabled || quiet.start === quiet.end) return null;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const { date, minute } = wallClock(at, zone);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return null;
  // Past midnight already (or a window within one day): they end today; else tomorrow.
  const endsTomorrow = start > end && minute >= start;
  const endDate = endsTomorrow ? wallClock(wallTimeToEpoch(`${date}T12:00:00`, zone) + DAY_MS, zone).date : date;
  return wallTimeToEpoch(`${endDate}T${quiet.end}:00`, zone);
}
