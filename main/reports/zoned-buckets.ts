import { wallTimeToEpoch } from '../adoption/zoned-time';
import { addDays, type LocalDate, type ReportBucket } from './report-calendar-contract';

/** The instant a local day starts in the zone (where midnight is skipped by a DST jump, the first instant that exists). */
export const dayStart = (date: LocalDate, timeZone: string): number => wallTimeToEpoch(`${date}T00:00:00`, timeZone);

/**
 * The buckets as half-open ranges of instants in the tenant's zone: `edges[i]` is where bucket i
 * starts and `edges[i + 1]` where it ends (the next local midnight after its last day). A day
 * across a DST change is 23 or 25 hours long; SQLite's `localtime` never decides it.
 */
export function bucketEdges(buckets: readonly ReportBucket[], timeZone: string): number[] {
  if (buckets.length === 0) return [];
  return [...buckets.map((b) => dayStart(b.from, timeZone)), dayStart(addDays(buckets[buckets.length - 1]!.to, 1), timeZone)];
}
