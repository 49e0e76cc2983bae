import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import type { DashboardUpdate } from './contract';
import type { HotspotSession } from '../sessions/contract';
import { storeRouter } from '../routers/testing/store-router';

const hotspot = (routerId: number, id: string, rateIn = 0): HotspotSession => ({
  key: `${routerId}:${id}`, routerId, routerName: 'r', id, server: 'hs', user: 'u', address: '10.5.50.2', macAddress: 'AA:BB:CC:DD:EE:01',
  loginBy: 'http-chap', uptimeSeconds: 1, sessionTimeLeftSeconds: null, bytesIn: 0, bytesOut: 0, rateIn, rateOut: 0,
});

describe('dashboard', () => {
  let core: TestCore;
  beforeEach(async () => (core = await startTestCore()));
  afterEach(() => core.dispose());

  const nextUpdate = (channel: string) =>
    new Promise<DashboardUpdate>((resolve) => {
      const off = core.services.bus.subscribe(channel, (e: BusEvent) => {
        off();
        resolve(e.payload as DashboardUpdate);
      });
    });

  it('pushes a tenant’s figures and the all-tenants figures when its sessions change', async () => {
    const { routerStatus, sessions } = core.services;
    const a = await storeRouter(core.services, 1, { name: 'a1' });
    const b = await storeRouter(core.services, 2, { name: 'b1' });
    routerStatus.update(a.id, { state: 'online', cpuLoad: 95 });
    routerStatus.update(b.id, { state: 'offline', lastError: 'connection refused' });
    const tenantUpdate = nextUpdate('tenant.1.dashboard');
    const systemUpdate = nextUpdate('system.dashboard');
    sessions.applyHotspot(1, { started: [hotspot(a.id, '*1', 1000), hotspot(a.id, '*2', 500)], updated: [], ended: [] });

    const tenant = await tenantUpdate;
    expect(tenant.point).toBeNull();
    expect(tenant.stats).toMatchObject({
      tenantId: 1,
      routers: { total: 1, online: 1, offline: 0 },
      hotspotOnline: 2,
      pppoeOnline: 0,
      throughput: { inBps: 1500, outBps: 0 },
      topRouters: [{ routerId: a.id, sessions: 2 }],
      alerts: [{ kind: 'cpu-high', routerId: a.id }],
      perTenant: null,
      routerSessions: [{ routerId: a.id, hotspot: 2, pppoe: 0 }],
    });
    const all = await systemUpdate;
    expect(all.stats).toMatchObject({ tenantId: null, routers: { total: 2, online: 1, offline: 1 }, hotspotOnline: 2, routerSessions: null });
    expect(all.stats.alerts.map((x) => x.kind).sort()).toEqual(['cpu-high', 'router-offline']);
  });

  it('keeps an hour of history points and gives it in the snapshot', async () => {
    const { dashboard } = core.services;
    await storeRouter(core.services, 1, { name: 'a1' });
    for (let i = 0; i < 400; i++) await dashboard.addPoints();
    const snapshot = await dashboard.snapshot(1);
    expect(snapshot.history).toHaveLength(360);
    expect(snapshot.seq).toBe(400);
    expect((await dashboard.snapshot(null)).history).toHaveLength(360);
    expect((await dashboard.snapshot(2)).history).toEqual([]);
  });
});
