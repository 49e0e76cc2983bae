import { describe, expect, it } from 'vitest';
import { UNKNOWN_STATUS } from '../routers/router-status-board';
import type { RouterLiveStatus } from '../routers/contract';
import { computeStats, type RouterFigures } from './dashboard-stats';

const NOW = new Date('2026-12-02T10:00:00Z');
const router = (id: number, tenantId: number, name: string, status: Partial<RouterLiveStatus>, since: string | null = '2026-12-02T09:00:00.000Z'): RouterFigures => ({
  id, tenantId, name, status: { ...UNKNOWN_STATUS, ...status }, hotspot: 0, pppoe: 0, inBps: 0, outBps: 0, since,
});

describe('dashboard alerts', () => {
  const fleet = [
    router(1, 1, 'north-10', { state: 'online', cpuLoad: 97 }),
    router(2, 2, 'south-01', { state: 'offline', lastError: "router 'south-01' now presents another TLS certificate" }),
    router(3, 1, 'north-2', { state: 'offline', lastError: "router 'north-2' is unreachable at 127.0.0.1:8728 (ECONNREFUSED)" }),
    router(4, 1, 'north-3', { state: 'auth-failed' }),
    router(5, 1, 'north-4', { state: 'online', cpuLoad: 20 }, null),
  ];

  it('puts down routers first, then by tenant and router name, and names the router only once', () => {
    const { alerts } = computeStats(null, fleet, NOW, new Map([[1, 'Acme'], [2, 'Beta']]));
    expect(alerts.map((a) => [a.severity, a.tenantName, a.routerName, a.message])).toEqual([
      ['down', 'Acme', 'north-2', 'offline: unreachable at 127.0.0.1:8728 (ECONNREFUSED)'],
      ['down', 'Acme', 'north-3', 'refused the console’s login: check the API user and password'],
      ['down', 'Beta', 'south-01', 'offline: now presents another TLS certificate'],
      ['warning', 'Acme', 'north-10', 'CPU at 97 %'],
    ]);
    expect(alerts.every((a) => a.since === '2026-12-02T09:00:00.000Z')).toBe(true);
  });

  it('names no tenant in a tenant’s own view', () => {
    const { alerts } = computeStats(1, fleet.filter((r) => r.tenantId === 1), NOW);
    expect(alerts.map((a) => a.tenantName)).toEqual([null, null, null]);
  });
});

describe('per-router sessions', () => {
  const counted = (id: number, tenantId: number, hotspot: number, pppoe: number) => ({ ...router(id, tenantId, `r${id}`, { state: 'online' }), hotspot, pppoe });

  it('gives every router’s hotspot and PPPoE counts in a tenant’s view, idle routers too', () => {
    const { routerSessions } = computeStats(1, [counted(1, 1, 3, 2), counted(2, 1, 0, 0)], NOW);
    expect(routerSessions).toEqual([
      { routerId: 1, hotspot: 3, pppoe: 2 },
      { routerId: 2, hotspot: 0, pppoe: 0 },
    ]);
  });

  it('leaves them out of the all-tenants view', () => {
    expect(computeStats(null, [counted(1, 1, 3, 2)], NOW, new Map([[1, 'Acme']])).routerSessions).toBeNull();
  });
});
