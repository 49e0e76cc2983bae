import { beforeEach, describe, expect, it } from 'vitest';
import { nearestIndex } from './chart-hover';
import { chartPoints, historyActions, initialHistoryState, useHistoryStore, type ChartPoint } from './history-store';

const T0 = Date.parse('2026-12-01T12:00:00Z');
const p = (t: number, hotspot: number): ChartPoint => ({ t, hotspot, pppoe: 0, inBps: 0, outBps: 0 });
const stored = { at: new Date(T0).toISOString(), hotspot: 5, pppoe: 1, inBps: 2, outBps: 3, cpu: null, memory: null };

describe('dashboard history store', () => {
  beforeEach(() => useHistoryStore.setState(initialHistoryState, true));

  it('joins the stored minutes to the live points from where those begin', () => {
    const minutes = [p(T0, 1), p(T0 + 60_000, 2), p(T0 + 120_000, 3)];
    const live = [p(T0 + 90_000, 7), p(T0 + 100_000, 8)];
    expect(chartPoints(minutes, live, 'minute').map((x) => x.hotspot)).toEqual([1, 2, 7, 8]);
    expect(chartPoints(minutes, [], 'minute')).toEqual(minutes);
    // Hourly points stand alone: live 10 s points among them would read as gaps.
    expect(chartPoints(minutes, live, 'hour')).toEqual(minutes);
  });

  it('keeps the points of the range on screen, not of one chosen before', () => {
    historyActions.choose('24h');
    historyActions.loaded({ range: '1h', resolution: 'minute', points: [stored] });
    expect(useHistoryStore.getState().points).toBeNull();
    historyActions.loaded({ range: '24h', resolution: 'minute', points: [stored] });
    expect(useHistoryStore.getState().points).toEqual([{ ...stored, t: T0 }]);
    historyActions.choose('7d');
    expect(useHistoryStore.getState()).toMatchObject({ range: '7d', points: null });
  });

  it('finds the point nearest the pointer, within the visible ones', () => {
    const times = [0, 10, 20, 30];
    expect(nearestIndex(times, 14)).toBe(1);
    expect(nearestIndex(times, 16)).toBe(2);
    expect(nearestIndex(times, -5)).toBe(0);
    expect(nearestIndex(times, 99)).toBe(3);
    expect(nearestIndex(times, 99, 1, 2)).toBe(2);
    expect(nearestIndex(times, 0, 1, 3)).toBe(1);
  });
});
