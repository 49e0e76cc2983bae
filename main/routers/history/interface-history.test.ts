import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../auth/session';
import { seedTenant, seedUser, sessionOf } from '../../auth/test-accounts';
import { startTestCore, type TestCore } from '../../core/test-core';
import { invoker, InvokeRefused } from '../../core/test-invoke';
import { writeMinute } from '../../dashboard/history-rollup';
import { waitForEvent } from '../../events/wait-for-event';
import type { RouterSummary } from '../contract';
import { startSimulatedRouter, type SimulatedRouter } from '../simulator';
import { addSimulatedRouter } from '../testing/add-simulated-router';
import { interfaceMinuteRows, MINUTE_MS, writeInterfaceMinute } from './interface-traffic-minute';

const DAY = 86_400_000;

describe('interfaceMinuteRows', () => {
  const source = { id: 7, tenantId: 1 };
  const at = 100 * MINUTE_MS;
  it('rates the bytes since the previous minute, and none on a first reading, a long gap or counters that went back', () => {
    const previous = new Map([
      ['ether1', { at: at - MINUTE_MS, rxBytes: 1_000, txBytes: 500 }],
      ['ether2', { at: at - 60 * MINUTE_MS, rxBytes: 0, txBytes: 0 }],
      ['ether3', { at: at - MINUTE_MS, rxBytes: 9_000, txBytes: 0 }],
    ]);
    const rows = interfaceMinuteRows(source, [
      { name: 'ether1', rxBytes: 61_000, txBytes: 8_000 },
      { name: 'ether2', rxBytes: 5, txBytes: 5 },
      { name: 'ether3', rxBytes: 10, txBytes: 0 },
      { name: 'ether4', rxBytes: 10, txBytes: 10 },
    ], previous, at + 1234);
    expect(rows[0]).toEqual({ tenantId: 1, routerId: 7, interface: 'ether1', at, rxBytes: 61_000, txBytes: 8_000, rxBps: 8_000, txBps: 1_000 });
    expect(rows.slice(1).map((r) => [r.interface, r.rxBps, r.txBps])).toEqual([['ether2', null, null], ['ether3', null, null], ['ether4', null, null]]);
  });
});

describe('per-interface traffic history and memory in the router history, against a simulated router', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;
  let tenant: number;
  let admin: Session;
  const signal = new AbortController().signal;

  beforeEach(async () => {
    core = await startTestCore();
    tenant = (await seedTenant(core.services, 'Alpha')).id;
    admin = await sessionOf(core.services, await seedUser(core.services, { username: 'alpha-admin', role: 'tenant_admin', tenantId: tenant }));
    sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass', hotspotSessions: 2, pppoeSessions: 0, clock: 'manual' });
    // Memory comes with the first resource read: the minute rows below need it.
    router = await addSimulatedRouter(core.services, admin, sim, (s) => s.memoryUsedPercent !== null);
  });

  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('stores each interface’s throughput per minute from the byte counters, reads it by range, and prunes past 7 days', async () => {
    const read = (id: number, ops: Parameters<typeof core.services.liveRouters.menu>[1]) => core.services.liveRouters.menu(id, ops, ops.length);
    const sources = [{ id: router.id, tenantId: tenant }];
    const t0 = Math.floor((Date.now() - 3 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
    await core.services.business.run((tx) => tx.interfaceHistory.write([{ tenantId: tenant, routerId: router.id, interface: 'ether1', at: Date.now() - 8 * DAY, rxBytes: 0, txBytes: 0, rxBps: 5, txBps: 5 }]));

    const first = await writeInterfaceMinute(core.services.business, sources, read, t0, signal);
    expect(first).toMatchObject({ routers: 1, failed: 0, pruned: 1 });
    expect(first.rows).toBeGreaterThan(2);
    sim.model.tick(MINUTE_MS);
    await writeInterfaceMinute(core.services.business, sources, read, t0 + MINUTE_MS, signal);

    const history = await invoker(core.services, admin)('routers.interfaces.history', { routerId: router.id, range: '15m' });
    expect(history.resolution).toBe('minute');
    const ether1 = history.interfaces.find((i) => i.name === 'ether1')!;
    // The first reading has no rate: one point, a minute's bytes over sixty seconds.
    expect(ether1.points).toEqual([{ at: new Date(t0 + MINUTE_MS).toISOString(), rxBps: expect.any(Number), txBps: expect.any(Number) }]);
    expect(ether1.points[0]!.rxBps).toBeGreaterThan(0);
    const one = await invoker(core.services, admin)('routers.interfaces.history', { routerId: router.id, range: '7d', interface: 'ether1' });
    expect(one).toMatchObject({ resolution: 'hour', interfaces: [{ name: 'ether1', points: [{ rxBps: ether1.points[0]!.rxBps }] }] });

    const other = (await seedTenant(core.services, 'Bravo')).id;
    const refused = await invoker(core.services, { id: 'b', user: { id: 2, username: 'b', role: 'viewer', tenantId: other } })('routers.interfaces.history', { routerId: router.id, range: '1h' }).catch((e: unknown) => e);
    expect((refused as InvokeRefused).error.code).toBe('not_found');
  });

  it('runs every minute as a job on the dashboard queue', async () => {
    const { jobs, bus } = core.services;
    const { db } = core;
    expect(db.prepare("SELECT every_seconds FROM job_schedules WHERE key = 'routers.interface-traffic-minute'").get()).toEqual({ every_seconds: 60 });
    const { jobId } = jobs.enqueue('routers.interface-traffic-minute', {}, { tenantId: null });
    await waitForEvent(bus, 'system.jobs', (e) => ['JobProcessed', 'JobFailed'].includes(e.name) && (e.payload as { items: Array<{ id: number }> }).items.some((i) => i.id === jobId));
    const stored = db.prepare('SELECT status, result, queue FROM jobs WHERE id = ?').get(jobId) as { status: string; result: string; queue: string };
    expect(stored).toMatchObject({ status: 'succeeded', queue: 'dashboard' });
    expect(JSON.parse(stored.result)).toMatchObject({ routers: 1, failed: 0 });
  });

  it('a router that does not answer is skipped and counted; the others are written', async () => {
    const result = await writeInterfaceMinute(core.services.business, [{ id: 9_999, tenantId: tenant }, { id: router.id, tenantId: tenant }], (id, ops) => core.services.liveRouters.menu(id, ops, 1), Date.now(), signal);
    expect(result).toMatchObject({ routers: 1, failed: 1 });
  });

  it('keeps each router’s memory beside its CPU in the dashboard history', async () => {
    const at = Date.now() - MINUTE_MS;
    await writeMinute(core.services.business, await core.services.dashboard.routerFigures(), at);
    const history = await invoker(core.services, admin)('dashboard.history', { range: '15m', routerId: router.id });
    expect(history.points).toHaveLength(1);
    expect(history.points[0]!.memory).toBe(Math.round(core.services.routerStatus.get(router.id).memoryUsedPercent!));
    const total = await invoker(core.services, admin)('dashboard.history', { range: '15m' });
    expect(total.points[0]!.memory).toEqual(expect.any(Number));
  });
});
