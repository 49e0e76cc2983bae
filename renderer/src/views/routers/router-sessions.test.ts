import { beforeEach, describe, expect, it } from 'vitest';
import type { DashboardStats } from '../../../../main/dashboard/contract';
import { dashboardActions, resetDashboardStore, useDashboardStore } from '../dashboard/dashboard-store';
import { sessionsByRouter, sessionsText } from './router-sessions';

const stats = (routerSessions: DashboardStats['routerSessions']): DashboardStats => ({
  tenantId: 1,
  at: '2026-12-02T10:00:00.000Z',
  routers: { total: 2, online: 2, degraded: 0, offline: 0, authFailed: 0 },
  hotspotOnline: 3,
  pppoeOnline: 1,
  throughput: { inBps: 0, outBps: 0 },
  topRouters: [],
  alerts: [],
  perTenant: null,
  routerSessions,
});
const state = () => useDashboardStore.getState();

describe('sessions per router', () => {
  beforeEach(resetDashboardStore);

  it('is unknown until the dashboard loads', () => {
    expect(sessionsByRouter(state())).toBeNull();
  });

  it('follows the dashboard pushes, by router id, and keeps its identity between renders', () => {
    dashboardActions.snapshot({ seq: 1, stats: stats([{ routerId: 4, hotspot: 3, pppoe: 0 }, { routerId: 7, hotspot: 0, pppoe: 1 }]), history: [] }, Date.now());
    const first = sessionsByRouter(state());
    expect(first?.get(4)).toEqual({ hotspot: 3, pppoe: 0 });
    expect(first?.get(7)).toEqual({ hotspot: 0, pppoe: 1 });
    expect(sessionsByRouter(state())).toBe(first);

    dashboardActions.update({ stats: stats([{ routerId: 4, hotspot: 2, pppoe: 5 }]), point: null });
    expect(sessionsByRouter(state())?.get(4)).toEqual({ hotspot: 2, pppoe: 5 });
    expect(sessionsByRouter(state())?.has(7)).toBe(false);
  });

  it('says both counts, or a dash when the router has none yet', () => {
    expect(sessionsText({ hotspot: 12, pppoe: 3 })).toBe('12 hotspot · 3 PPPoE');
    expect(sessionsText(undefined)).toBe('—');
  });
});
