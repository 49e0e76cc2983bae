import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import type { DashboardUpdate } from './contract';
import type { HotspotSession } from '../sessions/contract';

const settings = { host: '127.0.0.1', port: 9, tls: 'off' as const, username: 'api', site: '', notes: '', encoding: 'utf-8' as const };
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
    const { routers, routerStatus, sessions } = core.services;
    const a = routers.add(1, { ...settings, name: 'a1' }, 'p', new Date());
    const b = routers.add(2, { ...settings, name: 'b1' }, 'p', new Date());
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

  it('keeps an hour of history points and gives it in the snapshot', () => {
    const { routers, dashboard } = core.services;
    routers.add(1, { ...settings, name: 'a1' }, 'p', new Date());
    for (let i = 0; i < 400; i++) dashboard.addPoints();
    const snapshot = dashboard.snapshot(1);
    expect(snapshot.history).toHaveLength(360);
    expect(snapshot.seq).toBe(400);
    expect(dashboard.snapshot(null).history).toHaveLength(360);
    expect(dashboard.snapshot(2).history).toEqual([]);
  });
});
