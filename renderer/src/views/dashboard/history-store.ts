import { create } from 'zustand';
import type { DashboardHistory, HistoryPoint, HistoryRange, HistoryResolution } from '../../../../main/dashboard/history-contract';
import type { TimedPoint } from './dashboard-store';

/** A stored point with its time parsed once. */
export interface TimedHistoryPoint extends HistoryPoint {
  t: number;
}

export interface HistoryState {
  range: HistoryRange;
  /** The stored points of `range` (null while they load). */
  points: readonly TimedHistoryPoint[] | null;
  resolution: HistoryResolution;
  error: string | null;
}

/** The last hour by default: what the charts showed before they had stored history. */
export const initialHistoryState: HistoryState = { range: '1h', points: null, resolution: 'minute', error: null };

/** The charts' range and its stored points (dashboard.history); the live 10 s points stay in the dashboard store. */
export const useHistoryStore = create<HistoryState>(() => initialHistoryState);

export const historySelectors = {
  range: (s: HistoryState) => s.range,
  points: (s: HistoryState) => s.points,
  resolution: (s: HistoryState) => s.resolution,
  error: (s: HistoryState) => s.error,
};

export const historyActions = {
  /** A new range: its points load again. */
  choose(range: HistoryRange) {
    useHistoryStore.setState((s) => (s.range === range ? s : { range, points: null, error: null }));
  },
  loading() {
    useHistoryStore.setState({ points: null, error: null });
  },
  loaded(history: DashboardHistory) {
    if (history.range !== useHistoryStore.getState().range) return;
    useHistoryStore.setState({ points: history.points.map((p) => ({ ...p, t: Date.parse(p.at) })), resolution: history.resolution, error: null });
  },
  failed(message: string) {
    useHistoryStore.setState({ error: message });
  },
};

/** A chart point: the fields both kinds of point share. */
export type ChartPoint = Pick<TimedPoint, 't' | 'hotspot' | 'pppoe' | 'inBps' | 'outBps'>;

/**
 * The charts' points: the stored ones, then the live 10 s points from where those begin, so the
 * chart moves between stored minutes. Hourly points (7 days) stand alone: finer points among them
 * would read as gaps.
 */
export function chartPoints(stored: readonly ChartPoint[], live: readonly ChartPoint[], resolution: HistoryResolution): ChartPoint[] {
  if (resolution === 'hour' || live.length === 0) return [...stored];
  const firstLive = live[0]!.t;
  return [...stored.filter((p) => p.t < firstLive), ...live];
}
