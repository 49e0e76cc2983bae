import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, bucketDates, GRANULARITIES, localDateAt } from './report-calendar-contract';
import { bucketEdges, dayStart } from './zoned-buckets';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The bucket an instant falls in by the edges, as the store finds it (half-open ranges). */
const bucketOf = (edges: readonly number[], t: number) => edges.findIndex((start, i) => i < edges.length - 1 && t >= start && t < edges[i + 1]!);

describe('report buckets as instants in the tenant’s zone', () => {
  it('makes the days the clocks change in Berlin 23 and 25 hours long', () => {
    const spring = bucketEdges(bucketDates('2026-03-28', '2026-03-30', 'day'), 'Europe/Berlin');
    expect(spring.map(iso)).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z']);
    expect(spring.slice(1).map((e, i) => (e - spring[i]!) / HOUR)).toEqual([24, 23, 24]);
    const autumn = bucketEdges(bucketDates('2026-10-24', '2026-10-26', 'day'), 'Europe/Berlin');
    expect(autumn.slice(1).map((e, i) => (e - autumn[i]!) / HOUR)).toEqual([24, 25, 24]);
    // 23:30 on the long day is still 25 October in Berlin (at the summer offset it would be the 26th).
    expect(bucketOf(autumn, Date.parse('2026-10-25T22:30:00Z'))).toBe(1);
  });

  it('starts a Nairobi month at its midnight, three hours before UTC’s', () => {
    const edges = bucketEdges(bucketDates('2026-11-01', '2026-12-31', 'month'), 'Africa/Nairobi');
    expect(edges.map(iso)).toEqual(['2026-10-31T21:00:00.000Z', '2026-11-30T21:00:00.000Z', '2026-12-31T21:00:00.000Z']);
    // 30 November 21:30 UTC is already 1 December in Nairobi.
    expect(bucketOf(edges, Date.parse('2026-11-30T21:30:00Z'))).toBe(1);
    expect(bucketOf(edges, Date.parse('2026-11-30T20:59:59.999Z'))).toBe(0);
  });

  it('starts a day whose midnight a DST jump skips at the first instant that exists (Santiago)', () => {
    // Chile moves its clocks at midnight: 6 September 2026 begins at 01:00 local.
    expect(iso(dayStart('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateAt(dayStart('2026-09-06', 'America/Santiago'), 'America/Santiago')).toBe('2026-09-06');
  });

  it('puts every instant in the bucket of its local day, in zones with odd and changing offsets', () => {
    const zone = fc.constantFrom('Europe/Berlin', 'Africa/Nairobi', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns');
    const from = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(zone, from, fc.integer({ min: 0, max: 120 }), fc.constantFrom(...GRANULARITIES), fc.double({ min: 0, max: 1, noNaN: true }), (timeZone, first, length, granularity, where) => {
        const buckets = bucketDates(first, addDays(first, length), granularity);
        const edges = bucketEdges(buckets, timeZone);
        for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThan(edges[i - 1]!);
        const t = Math.floor(edges[0]! + where * (edges[edges.length - 1]! - edges[0]! - 1));
        const date = localDateAt(t, timeZone);
        const bucket = buckets[bucketOf(edges, t)]!;
        expect(date >= bucket.from && date <= bucket.to, `${iso(t)} is ${date} in ${timeZone}, not in ${bucket.from}..${bucket.to}`).toBe(true);
        // Just before the first edge and at the last one are outside the range.
        expect(localDateAt(edges[0]! - 1, timeZone) < first).toBe(true);
        expect(localDateAt(edges[edges.length - 1]!, timeZone)).toBe(addDays(buckets[buckets.length - 1]!.to, 1));
      }),
      { numRuns: 300 },
    );
  });
});
