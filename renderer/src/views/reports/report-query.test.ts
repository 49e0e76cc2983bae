import { describe, expect, it } from 'vitest';
import { initialQuery, presetRange, queryProblem, todayIn } from './report-query';

describe('report ranges in the tenant’s calendar', () => {
  it('takes today from the tenant’s zone, not the browser’s', () => {
    const lateEvening = Date.parse('2026-11-30T22:30:00Z');
    expect(todayIn('Africa/Nairobi', lateEvening)).toBe('2026-12-01');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2026-11-30');
    expect(todayIn('America/Los_Angeles', lateEvening)).toBe('2026-11-30');
  });

  it('ends every preset today; twelve months start on the first of the month eleven months back, by month', () => {
    expect(presetRange('today', '2026-12-02')).toEqual({ from: '2026-12-02', to: '2026-12-02', granularity: 'day' });
    expect(presetRange('7d', '2026-12-02')).toEqual({ from: '2026-11-26', to: '2026-12-02', granularity: 'day' });
    expect(presetRange('30d', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01', granularity: 'day' });
    expect(presetRange('month', '2026-12-02')).toEqual({ from: '2026-12-01', to: '2026-12-02', granularity: 'day' });
    expect(presetRange('12m', '2026-12-02')).toEqual({ from: '2026-01-01', to: '2026-12-02', granularity: 'month' });
    expect(initialQuery('2026-12-02')).toEqual({ preset: '7d', from: '2026-11-26', to: '2026-12-02', granularity: 'day', groupBy: 'none' });
  });

  it('answers custom dates the backend would refuse at once, by the field concerned', () => {
    const q = initialQuery('2026-12-02');
    expect(queryProblem(q)).toBeNull();
    expect(queryProblem({ ...q, preset: 'custom', from: '' })).toEqual({ field: 'from', message: 'the first day: a date such as 2026-12-02 (YYYY-MM-DD)' });
    expect(queryProblem({ ...q, preset: 'custom', from: '2026-12-03' })).toEqual({ field: 'to', message: 'the last day comes before the first: swap them' });
    expect(queryProblem({ ...q, preset: 'custom', from: '2024-01-01' })?.message).toMatch(/at most 400 days: choose weeks or months/);
    expect(queryProblem({ ...q, preset: 'custom', from: '2024-01-01', granularity: 'month' })).toBeNull();
  });
});
