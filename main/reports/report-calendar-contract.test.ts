import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revenueInput } from './contract';
import { addDays, bucketDates, bucketLabel, daysBetween, GRANULARITIES, isoWeekKey, weekStart } from './report-calendar-contract';

const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1990-01-01', n));

describe('report calendar: days, ISO weeks and months of local dates', () => {
  it('numbers ISO weeks by their Thursday, across year ends', () => {
    expect(isoWeekKey('2026-12-02')).toBe('2026-W49');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(weekStart('2026-12-06')).toBe('2026-11-30');
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
  });

  it('cuts weeks and months to the range: a month from the 15th starts on the 15th', () => {
    expect(bucketDates('2026-11-15', '2027-01-10', 'month')).toEqual([
      { key: '2026-11', from: '2026-11-15', to: '2026-11-30' },
      { key: '2026-12', from: '2026-12-01', to: '2026-12-31' },
      { key: '2027-01', from: '2027-01-01', to: '2027-01-10' },
    ]);
    expect(bucketDates('2026-12-02', '2026-12-15', 'week')).toEqual([
      { key: '2026-W49', from: '2026-12-02', to: '2026-12-06' },
      { key: '2026-W50', from: '2026-12-07', to: '2026-12-13' },
      { key: '2026-W51', from: '2026-12-14', to: '2026-12-15' },
    ]);
    expect(bucketDates('2028-02-28', '2028-03-01', 'day').map((b) => b.key)).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('covers every day of any range exactly once, each bucket inside one week or month', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), fc.constantFrom(...GRANULARITIES), (from, length, granularity) => {
        const to = addDays(from, length);
        const buckets = bucketDates(from, to, granularity);
        expect(buckets[0]!.from).toBe(from);
        expect(buckets[buckets.length - 1]!.to).toBe(to);
        for (const [i, b] of buckets.entries()) {
          expect(daysBetween(b.from, b.to)).toBeGreaterThanOrEqual(0);
          if (i > 0) expect(b.from).toBe(addDays(buckets[i - 1]!.to, 1));
          if (granularity === 'day') expect(b.from).toBe(b.to);
          if (granularity === 'week') expect(weekStart(b.from)).toBe(weekStart(b.to));
          if (granularity === 'month') expect(b.from.slice(0, 7)).toBe(b.to.slice(0, 7));
        }
        expect(new Set(buckets.map((b) => b.key)).size).toBe(buckets.length);
      }),
    );
  });

  it('labels buckets in the tenant’s locale, saying which days a cut month holds', () => {
    expect(bucketLabel({ key: '2026-12-02', from: '2026-12-02', to: '2026-12-02' }, 'day', 'en-GB')).toBe('2 Dec 2026');
    expect(bucketLabel({ key: '2026-12', from: '2026-12-01', to: '2026-12-31' }, 'month', 'en-GB')).toBe('December 2026');
    expect(bucketLabel({ key: '2026-12', from: '2026-12-01', to: '2026-12-15' }, 'month', 'en-GB')).toBe('Dec 2026 (1 Dec – 15 Dec)');
    expect(bucketLabel({ key: '2026-W49', from: '2026-11-30', to: '2026-12-06' }, 'week', 'de-DE')).toBe('2026-W49 (30. Nov. – 6. Dez.)');
  });

  it('bounds the range per granularity with errors that say what to do', () => {
    const problem = (input: object) => revenueInput.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(revenueInput.parse({ from: '2026-01-01', to: '2027-02-04' })).toMatchObject({ granularity: 'day', groupBy: 'none' });
    expect(problem({ from: '2026-01-01', to: '2027-02-05' })).toEqual(['from: a daily report covers at most 400 days: choose weeks or months, or a shorter range']);
    expect(problem({ from: '2022-01-01', to: '2026-12-31', granularity: 'week' })).toEqual(['from: a weekly report covers at most 3 years: choose months, or a shorter range']);
    expect(revenueInput.safeParse({ from: '2022-01-01', to: '2026-12-31', granularity: 'month' }).success).toBe(true);
    expect(problem({ from: '2020-01-01', to: '2026-12-31', granularity: 'month' })).toEqual(['from: a monthly report covers at most 5 years: choose a shorter range']);
    expect(problem({ from: '2026-12-02', to: '2026-12-01' })).toEqual(['to: the last day comes before the first: swap them']);
    expect(problem({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['from: the first day: a date such as 2026-12-02 (YYYY-MM-DD)']);
    expect(problem({ from: '2026-12-01', to: '2026-12-01', groupBy: 'customer' })?.[0]).toMatch(/^groupBy: /);
  });
});
