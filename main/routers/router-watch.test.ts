import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { canSubscribe } from '../auth/permissions';
import { startTestCore, type TestCore } from '../core/test-core';
import { invoker, InvokeRefused } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import type { RouterLiveStatus, RouterSummary } from './contract';
import { routerWatchOf } from './router-watch-registry';
import { startSimulatedRouter, type SimulatedRouter } from './simulator';
import { addSimulatedRouter } from './testing/add-simulated-router';
import type { InterfaceRate, RouterLogLine } from './watch-contract';

const as = (id: string, role: 'tenant_admin' | 'viewer' | 'operator', tenantId: number | null = 1): Session => ({ id, user: { id: 1, username: role, role, tenantId } });
const admin = as('admin', 'tenant_admin');
const CHANNEL = 'tenant.1.router-live';

describe('router page: watch → the router streams traffic and log → events; the last watcher out stops the streams on the router', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;

  beforeEach(async () => {
    core = await startTestCore();
    sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass', hotspotSessions: 1, pppoeSessions: 0, clock: 'manual' });
    router = await addSimulatedRouter(core.services, admin, sim);
  });

  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('snapshots the router, streams samples and log lines as events, and stops the streams when both watchers leave', async () => {
    const [first] = sim.model.print('/ip/dhcp-server/lease');
    sim.model.set('/ip/dhcp-server/lease', first!['.id']!, { comment: 'Jane 0712345678' });
    sim.model.log('hotspot,info', 'before the page opened');

    const streaming = sim.model.trafficMonitors.until((n) => n > 0);
    const snapshot = await invoker(core.services, admin)('routers.watch', { routerId: router.id });
    expect(snapshot).toMatchObject({ routerId: router.id, name: 'hq-1', readError: null, status: { state: 'online' } });
    expect(snapshot.interfaces.map((i) => i.name)).toEqual(expect.arrayContaining(['ether1', 'ether2']));
    expect(snapshot.interfaces.find((i) => i.name === 'ether1')).toMatchObject({ type: 'ether', running: true, disabled: false, mac: expect.any(String) });
    expect(snapshot.leases.length).toBeGreaterThan(0);
    expect(snapshot.leases.map((l) => l.comment)).toContain('Jane 0712***678');
    expect(snapshot.log.at(-1)).toMatchObject({ topics: 'hotspot,info', message: 'before the page opened', id: expect.stringMatching(/^\*/) });
    await streaming;
    // One stream over every interface of the router.
    expect(sim.model.trafficMonitors.count('ether1')).toBe(1);
    expect(sim.model.trafficMonitors.count('ether2')).toBe(1);

    // A second of model time is one event with every interface's rates.
    const sampled = waitForEvent(core.services.bus, CHANNEL, (e) => e.name === 'RouterTrafficSampled');
    sim.model.tick(1000);
    const sample = (await sampled).payload as { routerId: number; at: string; interfaces: InterfaceRate[] };
    expect(sample.routerId).toBe(router.id);
    expect(Date.parse(sample.at)).toBeGreaterThan(0);
    expect(sample.interfaces.map((i) => i.name).sort()).toEqual(snapshot.interfaces.map((i) => i.name).slice(0, 64).sort());
    expect(sample.interfaces.some((i) => i.rxBps > 0)).toBe(true);

    // A line the router writes arrives masked; its phone number does not travel whole.
    const logged = waitForEvent(core.services.bus, CHANNEL, (e) => e.name === 'RouterLogLines' && (e.payload as { lines: RouterLogLine[] }).lines.some((l) => l.message.includes('logged in')));
    sim.model.log('hotspot,account,info', '0712345678 (10.5.50.9): logged in');
    const { lines } = (await logged).payload as { lines: RouterLogLine[] };
    expect(lines.at(-1)).toMatchObject({ topics: 'hotspot,account,info', message: '0712***678 (10.5.50.9): logged in' });
    expect(snapshot.seq).toBeLessThan(core.services.bus.currentSeq(CHANNEL));

    // A second watcher shares the stream; the streams stop only when both have left.
    const viewer = as('viewer-1', 'viewer');
    const again = await invoker(core.services, viewer)('routers.watch', { routerId: router.id });
    expect(again.interfaces.find((i) => i.name === 'ether1')?.rxBps).toEqual(expect.any(Number));
    expect(sim.model.trafficMonitors.count('ether1')).toBe(1);
    expect(await invoker(core.services, admin)('routers.unwatch', { routerId: router.id })).toEqual({ wasWatching: true });
    expect(routerWatchOf(core.services).watched().get(router.id)).toBe(1);
    expect(await invoker(core.services, viewer)('routers.unwatch', { routerId: router.id })).toEqual({ wasWatching: true });
    await sim.model.trafficMonitors.until((n) => n === 0);
    expect(routerWatchOf(core.services).watched().size).toBe(0);
    expect(await invoker(core.services, viewer)('routers.unwatch', { routerId: router.id })).toEqual({ wasWatching: false });
  });

  it('opens the streams again after the connection drops while someone still watches', async () => {
    await invoker(core.services, admin)('routers.watch', { routerId: router.id });
    await sim.model.trafficMonitors.until((n) => n > 0);
    const offline = waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state !== 'online');
    sim.faults.dropConnections();
    await offline;
    await sim.model.trafficMonitors.until((n) => n === 0);
    await sim.model.trafficMonitors.until((n) => n > 0);
    const logged = waitForEvent(core.services.bus, CHANNEL, (e) => e.name === 'RouterLogLines' && (e.payload as { lines: RouterLogLine[] }).lines.some((l) => l.message === 'after the reconnect'));
    sim.model.log('system,info', 'after the reconnect');
    await logged;
  });

  it('keeps the streams through a reconnect with new settings (an edit of the router)', async () => {
    await invoker(core.services, admin)('routers.watch', { routerId: router.id });
    await sim.model.trafficMonitors.until((n) => n > 0);
    const back = waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === 'connecting')
      .then(() => waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === 'online'));
    await invoker(core.services, admin)('routers.update', { id: router.id, site: 'moved' });
    await back;
    const logged = waitForEvent(core.services.bus, CHANNEL, (e) => e.name === 'RouterLogLines' && (e.payload as { lines: RouterLogLine[] }).lines.some((l) => l.message === 'after the edit'));
    sim.model.log('system,info', 'after the edit');
    await logged;
    await sim.model.trafficMonitors.until((n) => n > 0);
  });

  it('an unwatch that arrives while the watch still reads the router cancels it: no streams start', async () => {
    const watches = routerWatchOf(core.services);
    const opening = watches.watch(admin, router.id);
    expect(watches.unwatch(admin, router.id)).toBe(true);
    await expect(opening).rejects.toMatchObject({ code: 'conflict' });
    expect(watches.watched().size).toBe(0);
    expect(sim.model.trafficMonitors.count()).toBe(0);
  });

  it('a watcher whose connection is gone is swept, and the streams stop on the router', async () => {
    // Test sessions are not signed in through the auth service: the sweep finds them gone.
    await invoker(core.services, admin)('routers.watch', { routerId: router.id });
    await sim.model.trafficMonitors.until((n) => n > 0);
    routerWatchOf(core.services).sweep();
    await sim.model.trafficMonitors.until((n) => n === 0);
  });

  it('keeps tenants apart: another tenant’s user may not watch the router nor follow its live channel', async () => {
    const other = as('other', 'tenant_admin', 2);
    const refused = await invoker(core.services, other)('routers.watch', { routerId: router.id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InvokeRefused);
    expect((refused as InvokeRefused).error.code).toBe('not_found');
    expect(canSubscribe(other, { scope: 'tenant', tenantId: 1, topic: 'router-live' })).toBe(false);
    expect(canSubscribe(as('v', 'viewer'), { scope: 'tenant', tenantId: 1, topic: 'router-live' })).toBe(true);
    expect(sim.model.trafficMonitors.count()).toBe(0);
    // A system admin may watch any router.
    const root = as('root', 'tenant_admin', null);
    root.user!.role = 'system_admin';
    expect((await invoker(core.services, root)('routers.watch', { routerId: router.id })).routerId).toBe(router.id);
  });
});
