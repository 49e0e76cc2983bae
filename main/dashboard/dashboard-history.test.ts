import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import type { Session } from '../auth/session';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker, InvokeRefused } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import { storeRouter } from '../routers/testing/store-router';
import type { HotspotSession } from '../sessions/contract';
import type { HistoryRow } from './history-repository';
import { HOUR_MS, MINUTE_MS } from './history-rollup';

const DAY = 86_400_000;
const hotspot = (routerId: number, id: string, rateIn: number): HotspotSession => ({
  key: `${routerId}:${id}`, routerId, routerName: 'r', id, server: 'hs', user: 'u', address: '10.5.50.2', macAddress: 'AA:BB:CC:DD:EE:01',
  loginBy: 'http-chap', uptimeSeconds: 1, sessionTimeLeftSeconds: null, bytesIn: 0, bytesOut: 0, rateIn, rateOut: 0,
});
const row = (tenantId: number, routerId: number | null, at: number, hotspot: number, cpu: number | null = null): HistoryRow => ({
  tenantId, routerId, at, hotspot, pppoe: 1, inBps: hotspot * 1000, outBps: 0, cpu,
});

describe('dashboard history', () => {
  let core: TestCore;
  let tenantA: number;
  let tenantB: number;
  let sysadmin: Session;
  let viewerA: Session;
  let adminB: Session;

  beforeEach(async () => {
    core = await startTestCore();
    tenantA = (await seedTenant(core.services, 'Alpha')).id;
    tenantB = (await seedTenant(core.services, 'Bravo')).id;
    sysadmin = await sessionOf(core.services, await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null }));
    viewerA = await sessionOf(core.services, await seedUser(core.services, { username: 'alpha-viewer', role: 'viewer', tenantId: tenantA }));
    adminB = await sessionOf(core.services, await seedUser(core.services, { username: 'bravo-admin', role: 'tenant_admin', tenantId: tenantB }));
  });
  afterEach(() => core.dispose());

  /** Runs a job as its schedule would (on the engine) and gives its stored result. */
  async function runJob(name: 'dashboard.rollup-minute' | 'dashboard.rollup-hours'): Promise<Record<string, number>> {
    const { jobs, bus } = core.services;
    const { db } = core;
    const { jobId } = jobs.enqueue(name, {}, { tenantId: null });
    await waitForEvent(bus, 'system.jobs', (e) => ['JobProcessed', 'JobFailed'].includes(e.name) && (e.payload as { items: Array<{ id: number }> }).items.some((i) => i.id === jobId));
    const stored = db.prepare('SELECT status, result, queue FROM jobs WHERE id = ?').get(jobId) as { status: string; result: string; queue: string };
    expect(stored).toMatchObject({ status: 'succeeded', queue: 'dashboard' });
    return JSON.parse(stored.result) as Record<string, number>;
  }

  it('is scheduled every minute (rollup) and every 10 minutes (hours and pruning)', () => {
    const rows = core.db.prepare("SELECT key, job_name, every_seconds FROM job_schedules WHERE key LIKE 'dashboard.%' ORDER BY key").all();
    expect(rows).toEqual([
      { key: 'dashboard.rollup-hours', job_name: 'dashboard.rollup-hours', every_seconds: 600 },
      { key: 'dashboard.rollup-minute', job_name: 'dashboard.rollup-minute', every_seconds: 60 },
    ]);
  });

  it('stores each minute per router and per tenant from the live figures; each tenant reads only its own, viewers too', async () => {
    const { routerStatus, sessions } = core.services;
    const a1 = await storeRouter(core.services, tenantA, { name: 'a1' });
    const a2 = await storeRouter(core.services, tenantA, { name: 'a2' });
    const b1 = await storeRouter(core.services, tenantB, { name: 'b1' });
    routerStatus.update(a1.id, { state: 'online', cpuLoad: 40 });
    routerStatus.update(a2.id, { state: 'online', cpuLoad: 20 });
    routerStatus.update(b1.id, { state: 'offline', cpuLoad: 99, lastError: 'connection refused' });
    sessions.applyHotspot(tenantA, { started: [hotspot(a1.id, '*1', 1000), hotspot(a1.id, '*2', 500), hotspot(a2.id, '*3', 250)], updated: [], ended: [] });
    sessions.applyHotspot(tenantB, { started: [hotspot(b1.id, '*1', 7)], updated: [], ended: [] });

    expect(await runJob('dashboard.rollup-minute')).toEqual({ rows: 5 });

    const asViewer = invoker(core.services, viewerA);
    const total = await asViewer('dashboard.history', { range: '15m', tenantId: tenantB });
    expect(total).toMatchObject({ range: '15m', resolution: 'minute' });
    expect(total.points).toEqual([{ at: expect.stringMatching(/:00\.000Z$/), hotspot: 3, pppoe: 0, inBps: 1750, outBps: 0, cpu: 30, memory: null }]);
    const router = await asViewer('dashboard.history', { range: '1h', routerId: a1.id });
    expect(router.points).toMatchObject([{ hotspot: 2, inBps: 1500, cpu: 40 }]);
    await expect(asViewer('dashboard.history', { range: '1h', routerId: b1.id })).rejects.toThrow(InvokeRefused);

    // An offline router's last CPU reading is stale: not stored.
    expect((await invoker(core.services, adminB)('dashboard.history', { range: '24h' })).points).toMatchObject([{ hotspot: 1, inBps: 7, cpu: null }]);
    const asRoot = invoker(core.services, sysadmin);
    expect((await asRoot('dashboard.history', { range: '24h' })).points).toMatchObject([{ hotspot: 4, inBps: 1757, cpu: 30 }]);
    expect((await asRoot('dashboard.history', { range: '24h', routerId: b1.id })).points).toMatchObject([{ hotspot: 1 }]);
  });

  it('averages the routers’ and tenants’ minutes into hours, and drops minutes past 7 days and hours past 90 days', async () => {
    const a1 = await storeRouter(core.services, tenantA, { name: 'a1' });
    const now = Date.now();
    const hour = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS;
    const rows = [row(tenantA, null, hour, 2, 10), row(tenantA, null, hour + MINUTE_MS, 4, 20), row(tenantA, null, hour + 2 * MINUTE_MS, 6, null)];
    rows.push(row(tenantA, a1.id, hour, 1, 50), row(tenantA, a1.id, hour + MINUTE_MS, 2, 60));
    const oldMinute = Math.floor((now - 8 * DAY) / MINUTE_MS) * MINUTE_MS;
    const keptMinute = Math.floor((now - 6 * DAY) / MINUTE_MS) * MINUTE_MS;
    await core.services.business.run(async (tx) => {
      await tx.dashboardHistory.write('minute', [...rows, row(tenantA, null, oldMinute, 9), row(tenantA, null, keptMinute, 8)]);
      await tx.dashboardHistory.write('hour', [row(tenantA, null, hour - 91 * DAY, 9), row(tenantA, null, hour - 89 * DAY, 7)]);
    });

    expect(await runJob('dashboard.rollup-hours')).toEqual({ hours: 2, minutesPruned: 1, hoursPruned: 1 });

    const asViewer = invoker(core.services, viewerA);
    const week = await asViewer('dashboard.history', { range: '7d' });
    expect(week.resolution).toBe('hour');
    expect(week.points).toEqual([{ at: new Date(hour).toISOString(), hotspot: 4, pppoe: 1, inBps: 4000, outBps: 0, cpu: 15, memory: null }]);
    expect((await asViewer('dashboard.history', { range: '7d', routerId: a1.id })).points).toMatchObject([{ hotspot: 2, cpu: 55 }]);
    const day = await core.services.business.read((tx) => tx.dashboardHistory.points('minute', { tenantId: tenantA, routerId: null }, 0, now + 1));
    expect(day.map((p) => p.hotspot)).toEqual([8, 2, 4, 6]);
    const hours = await core.services.business.read((tx) => tx.dashboardHistory.points('hour', { tenantId: tenantA, routerId: null }, 0, now + 1));
    expect(hours.map((p) => p.hotspot)).toEqual([7, 4]);
  });

  it('keeps its history across a restart on the same data folder', async () => {
    const yesterday = Math.floor((Date.now() - DAY + HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    await core.services.business.run((tx) => tx.dashboardHistory.write('minute', [row(tenantA, null, yesterday, 12)]));
    const { dataDir } = core;
    await core.close();
    core = await startTestCore({ dataDir });
    const points = await invoker(core.services, viewerA)('dashboard.history', { range: '24h' });
    expect(points.points).toMatchObject([{ at: new Date(yesterday).toISOString(), hotspot: 12 }]);
  });
});
