import { create } from 'zustand';
import type { DashboardPoint, DashboardSnapshot, DashboardStats, DashboardUpdate } from '../../../../main/dashboard/contract';

export const HISTORY_MS = 60 * 60 * 1000;

/** A history point with its time parsed once. */
export interface TimedPoint extends DashboardPoint {
  t: number;
}

export interface DashboardState {
  stats: DashboardStats | null;
  /** The last hour of points, oldest first. */
  history: readonly TimedPoint[];
  /** Server clock minus local clock at the last update, so the chart's "now" matches the points. */
  clockOffsetMs: number;
  loaded: boolean;
  error: string | null;
}

export const initialDashboardState: DashboardState = { stats: null, history: [], clockOffsetMs: 0, loaded: false, error: null };

/** The Dashboard store: pushed figures plus the last hour of points. Pure (no bridge); see dashboard-live.ts. */
export const useDashboardStore = create<DashboardState>(() => initialDashboardState);

type Series = Array<{ t: number; v: number }>;
let seriesCache: { history: DashboardState['history']; result: Record<'hotspot' | 'pppoe' | 'inBps' | 'outBps', Series> } | null = null;

export const dashboardSelectors = {
  stats: (s: DashboardState) => s.stats,
  history: (s: DashboardState) => s.history,
  clockOffsetMs: (s: DashboardState) => s.clockOffsetMs,
  loaded: (s: DashboardState) => s.loaded,
  error: (s: DashboardState) => s.error,
  /** Chart series from the history (memoized on it). */
  series: (s: DashboardState) => {
    if (seriesCache?.history === s.history) return seriesCache.result;
    const pick = (field: 'hotspot' | 'pppoe' | 'inBps' | 'outBps') => s.history.map((p) => ({ t: p.t, v: p[field] }));
    const result = { hotspot: pick('hotspot'), pppoe: pick('pppoe'), inBps: pick('inBps'), outBps: pick('outBps') };
    seriesCache = { history: s.history, result };
    return result;
  },
};

const timed = (p: DashboardPoint): TimedPoint => ({ ...p, t: Date.parse(p.at) });

/** Keeps the hour before the newest point; the window slides with the data, not the local clock. */
function lastHour(points: readonly TimedPoint[]): TimedPoint[] {
  const newest = points[points.length - 1]?.t;
  if (newest === undefined) return [];
  const from = newest - HISTORY_MS;
  let i = 0;
  while (i < points.length && points[i]!.t < from) i++;
  return points.slice(i);
}

export const dashboardActions = {
  snapshot(snapshot: DashboardSnapshot, now = Date.now()) {
    const history = lastHour(snapshot.history.map(timed).sort((a, b) => a.t - b.t));
    useDashboardStore.setState({ stats: snapshot.stats, history, clockOffsetMs: Date.parse(snapshot.stats.at) - now, loaded: true, error: null });
  },
  /** A pushed update: new figures, and a point that extends the charts (repeats and older points are ignored). */
  update(update: DashboardUpdate, now = Date.now()) {
    useDashboardStore.setState((s) => {
      const clockOffsetMs = Date.parse(update.stats.at) - now;
      if (!update.point) return { stats: update.stats, clockOffsetMs };
      const point = timed(update.point);
      const last = s.history[s.history.length - 1];
      if (last && point.t <= last.t) return { stats: update.stats, clockOffsetMs };
      return { stats: update.stats, clockOffsetMs, history: lastHour([...s.history, point]) };
    });
  },
  failed(message: string) {
    useDashboardStore.setState({ error: message });
  },
};

export function resetDashboardStore(): void {
  seriesCache = null;
  useDashboardStore.setState(initialDashboardState, true);
}
