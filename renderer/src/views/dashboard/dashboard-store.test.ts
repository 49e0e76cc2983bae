import { beforeEach, describe, expect, it } from 'vitest';
import type { DashboardPoint, DashboardStats } from '../../../../main/dashboard/contract';
import { dashboardActions, dashboardSelectors, HISTORY_MS, resetDashboardStore, useDashboardStore } from './dashboard-store';

const T0 = Date.parse('2025-06-01T12:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();
const point = (ms: number, hotspot = 1): DashboardPoint => ({ at: at(ms), hotspot, pppoe: 2, inBps: 3, outBps: 4 });
const stats = (ms: number, hotspotOnline = 1): DashboardStats => ({
  tenantId: 1,
  at: at(ms),
  routers: { total: 2, online: 1, degraded: 0, offline: 1, authFailed: 0 },
  hotspotOnline,
  pppoeOnline: 0,
  throughput: { inBps: 0, outBps: 0 },
  topRouters: [],
  alerts: [],
  perTenant: null,
  routerSessions: null,
});
const state = () => useDashboardStore.getState();

describe('dashboard store', () => {
  beforeEach(resetDashboardStore);

  it('keeps the last hour of the snapshot, oldest first, and the server clock offset', () => {
    const history = [point(T0), point(T0 - HISTORY_MS - 10_000), point(T0 - 10_000)];
    dashboardActions.snapshot({ seq: 5, stats: stats(T0), history }, T0 - 2_000);
    expect(dashboardSelectors.history(state()).map((p) => p.t)).toEqual([T0 - 10_000, T0]);
    expect(dashboardSelectors.clockOffsetMs(state())).toBe(2_000);
    expect(dashboardSelectors.loaded(state())).toBe(true);
  });

  it('takes new figures from every update and extends the charts only with newer points', () => {
    dashboardActions.snapshot({ seq: 1, stats: stats(T0), history: [point(T0)] }, T0);
    dashboardActions.update({ stats: stats(T0 + 1000, 7), point: null }, T0 + 1000);
    expect(dashboardSelectors.stats(state())!.hotspotOnline).toBe(7);
    expect(dashboardSelectors.history(state())).toHaveLength(1);
    dashboardActions.update({ stats: stats(T0 + 10_000, 8), point: point(T0 + 10_000, 8) }, T0 + 10_000);
    dashboardActions.update({ stats: stats(T0 + 10_000, 8), point: point(T0 + 10_000, 9) }, T0 + 10_000);
    expect(dashboardSelectors.series(state()).hotspot).toEqual([
      { t: T0, v: 1 },
      { t: T0 + 10_000, v: 8 },
    ]);
  });

  it('slides the window as points arrive', () => {
    dashboardActions.snapshot({ seq: 1, stats: stats(T0), history: [point(T0 - HISTORY_MS + 5_000), point(T0)] }, T0);
    dashboardActions.update({ stats: stats(T0 + 10_000), point: point(T0 + 10_000) }, T0 + 10_000);
    expect(dashboardSelectors.history(state()).map((p) => p.t)).toEqual([T0, T0 + 10_000]);
  });

  it('memoizes chart series on the history', () => {
    dashboardActions.snapshot({ seq: 1, stats: stats(T0), history: [point(T0)] }, T0);
    const first = dashboardSelectors.series(state());
    dashboardActions.update({ stats: stats(T0 + 1), point: null }, T0);
    expect(dashboardSelectors.series(state())).toBe(first);
  });
});
