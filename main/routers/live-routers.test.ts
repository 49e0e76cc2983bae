import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import type { Session } from '../auth/session';
import type { HotspotSession, PppoeSession, SessionDelta } from '../sessions/contract';
import { startSimulatedRouter, type SimulatedRouter } from './simulator';
import type { RouterLiveStatus, RouterSummary } from './contract';

const admin: Session = { id: 'test', user: { id: 1, username: 'admin', role: 'tenant_admin', tenantId: 1 } };

describe('live routers: store → shard workers → simulator over TCP → sessions and status', () => {
  let core: TestCore;
  let sim: SimulatedRouter;
  let router: RouterSummary;

  const statusIs = (state: RouterLiveStatus['state']) =>
    waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === state);

  beforeEach(async () => {
    core = await startTestCore();
    sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass', hotspotSessions: 3, pppoeSessions: 2, clock: 'manual' });
    const online = statusIs('online');
    const result = await dispatchInvoke(core.services, admin, 'routers.add', {
      name: 'hq-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8',
    });
    if (!result.ok) throw new Error(result.error.message);
    router = result.data as RouterSummary;
    await online;
  });

  afterEach(async () => {
    await core.dispose();
    await sim.stop();
  });

  it('loads the router’s sessions, follows new and ended ones, and disconnects on request', async () => {
    const hotspotKeys = () => core.services.sessions.hotspotSnapshot(1).sessions.map((s) => s.key).sort();
    const loaded = (): Promise<unknown> =>
      hotspotKeys().length === 3 ? Promise.resolve() : waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', () => hotspotKeys().length === 3);
    await loaded();
    expect(hotspotKeys()).toEqual(sim.model.hotspotSessionIds().map((id) => `${router.id}:${id}`).sort());

    const started = waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', (e) => (e.payload as SessionDelta<HotspotSession>).started.some((s) => s.user === 'walk-in'));
    const newId = sim.model.addHotspotSession({ user: 'walk-in', address: '10.5.50.99' });
    await started;
    const key = `${router.id}:${newId}`;
    expect(core.services.sessions.hotspotSession(1, key)).toMatchObject({ user: 'walk-in', address: '10.5.50.99', routerName: 'hq-1' });

    const gone = waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', (e) => (e.payload as SessionDelta<HotspotSession>).ended.includes(key));
    const reply = await dispatchInvoke(core.services, admin, 'sessions.hotspot.disconnect', { key });
    expect(reply).toMatchObject({ ok: true, data: { jobId: expect.any(Number) } });
    await gone;
    expect(sim.model.hotspotSessionIds()).not.toContain(newId);
  });

  it('reports a disconnect the router refuses, and keeps the session', async () => {
    const hotspotKeys = () => core.services.sessions.hotspotSnapshot(1).sessions.map((s) => s.key);
    if (hotspotKeys().length < 3) await waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', () => hotspotKeys().length === 3);
    sim.faults.trapOn('/ip/hotspot/active/remove', 'failure: session is locked', 4);
    const [key] = hotspotKeys();
    const failed = waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', (e) => e.name === 'HotspotDisconnectFailed');
    expect(await dispatchInvoke(core.services, admin, 'sessions.hotspot.disconnect', { key: key! })).toMatchObject({ ok: true });
    expect((await failed).payload).toEqual({ key, message: expect.stringContaining('session is locked') });
    expect(core.services.sessions.hotspotSession(1, key!)).toBeDefined();
    expect(sim.model.hotspotSessionIds()).toHaveLength(3);
  });

  it('reads PPPoE sessions with their interface byte counters and the router’s resources', async () => {
    const pppoe = () => core.services.sessions.pppoeSnapshot(1).sessions;
    if (pppoe().length < 2) {
      await waitForEvent(core.services.bus, 'tenant.1.sessions.pppoe', (e) => (e.payload as SessionDelta<PppoeSession>).started.length > 0 && pppoe().length === 2);
    }
    expect(pppoe()[0]).toMatchObject({ service: 'pppoe', routerId: router.id, bytesIn: expect.any(Number) });
    const resource = core.services.routerStatus.get(router.id).identity
      ? core.services.routerStatus.get(router.id)
      : ((await waitForEvent(core.services.bus, 'tenant.1.routers', (e) => (e.payload as { status: RouterLiveStatus }).status.identity !== null)).payload as { status: RouterLiveStatus }).status;
    expect(resource).toMatchObject({ state: 'online', identity: 'hq-1', version: expect.stringContaining('7.18') });
  });

  it('refreshes byte counters on a poll, spread or not, and answers with the routers read', async () => {
    const hotspot = () => core.services.sessions.hotspotSnapshot(1).sessions;
    if (hotspot().length < 3) await waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', () => hotspot().length === 3);
    const before = new Map(hotspot().map((s) => [s.key, s.bytesIn]));
    sim.model.tick(60_000);
    const grown = waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', (e) => (e.payload as SessionDelta<HotspotSession>).updated.some((u) => u.bytesIn !== undefined));
    expect(await core.services.liveRouters.poll('counters', 200)).toBe(1);
    await grown;
    expect(hotspot().every((s) => s.bytesIn > before.get(s.key)!)).toBe(true);
    expect(await core.services.liveRouters.poll('resource')).toBe(1);
  });

  it('marks the router offline when it goes away, ends its sessions, and recovers when it returns', async () => {
    const offline = statusIs('offline');
    await sim.stop();
    await offline;
    if (core.services.sessions.counts(1).hotspot > 0) {
      await waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', () => core.services.sessions.counts(1).hotspot === 0);
    }
    const back = statusIs('online');
    await sim.start();
    await back;
    const full = () => core.services.sessions.counts(1).hotspot === 3 && core.services.sessions.counts(1).pppoe === 2;
    if (!full()) await waitForEvent(core.services.bus, 'tenant.1.dashboard', full, 20_000);
    expect(core.services.sessions.counts(1)).toEqual({ hotspot: 3, pppoe: 2 });
  });

  /** The store reads LiveRouters makes from now on (their stacks). */
  function readsFromLiveRouters(): string[] {
    const { accounts } = core.services;
    const read = accounts.read.bind(accounts);
    const fromLiveRouters: string[] = [];
    vi.spyOn(accounts, 'read').mockImplementation(((work) => {
      const stack = new Error().stack ?? '';
      if (stack.includes('live-routers.ts')) fromLiveRouters.push(stack);
      return read(work);
    }) as typeof accounts.read);
    return fromLiveRouters;
  }

  it('reads the store only when a router connects or changes, never for its sessions, counters or resources', async () => {
    const fromLiveRouters = readsFromLiveRouters();
    const hotspot = () => core.services.sessions.hotspotSnapshot(1).sessions;
    const walkIns = ['walk-in-1', 'walk-in-2', 'walk-in-3'];
    const started = waitForEvent(core.services.bus, 'tenant.1.sessions.hotspot', () => walkIns.every((user) => hotspot().some((s) => s.user === user)));
    for (const user of walkIns) sim.model.addHotspotSession({ user });
    await started;
    sim.model.tick(60_000);
    expect(await core.services.liveRouters.poll('counters')).toBe(1);
    expect(await core.services.liveRouters.poll('resource')).toBe(1);
    expect(fromLiveRouters).toEqual([]);
  });

  it('reads no store when a router without a pinned certificate drops (a pinned one looks at the certificate it presents)', async () => {
    const fromLiveRouters = readsFromLiveRouters();
    const offline = statusIs('offline');
    await sim.stop();
    await offline;
    expect(fromLiveRouters).toEqual([]);
  });

  it('does not connect with settings read before the router was removed', async () => {
    const states: string[] = [];
    core.services.bus.subscribe('tenant.1.routers', (e) => {
      if (e.name === 'RouterStatusChanged') states.push((e.payload as { status: RouterLiveStatus }).status.state);
    });
    // A change starts reading the router's settings; its removal arrives before that read ends.
    core.services.liveRouters.watch(router.id);
    core.services.liveRouters.unwatch(router.id, 1);
    // The store's read settles within this turn of the event loop (SQLite): let it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(states).toEqual([]);
    expect(core.services.routerStatus.get(router.id).state).toBe('online');
  });
});

describe('live routers: a router that falls silent', () => {
  it('is offline within one keepalive period (calls may wait far longer), and re-synced when it answers again', async () => {
    // A call timeout of a minute: the offline state can only come from the keepalive period.
    const core = await startTestCore({ routerConnection: { keepalivePeriodMs: 400, callTimeoutMs: 60_000 } });
    const sim = await startSimulatedRouter({ name: 'edge-1', password: 'sim-pass', hotspotSessions: 2, pppoeSessions: 1, clock: 'manual' });
    try {
      const status = (state: RouterLiveStatus['state']) =>
        waitForEvent(core.services.bus, 'tenant.1.routers', (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === state);
      const online = status('online');
      const added = await dispatchInvoke(core.services, admin, 'routers.add', {
        name: 'edge-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8',
      });
      expect(added.ok).toBe(true);
      await online;
      const full = () => core.services.sessions.counts(1).hotspot === 2 && core.services.sessions.counts(1).pppoe === 1;
      if (!full()) await waitForEvent(core.services.bus, 'tenant.1.sessions.pppoe', full);

      const offline = status('offline');
      sim.faults.stall('forever');
      const { payload } = await offline;
      expect((payload as { status: RouterLiveStatus }).status.lastError).toMatch(/stopped answering: nothing heard for \d+ ms/);
      expect(core.services.sessions.counts(1)).toEqual({ hotspot: 0, pppoe: 0 });

      const back = status('online');
      sim.faults.clear();
      sim.model.addHotspotSession({ user: 'while-away' });
      await back;
      // Re-synced in full: the sessions it had before and the one that started meanwhile.
      const resynced = () => core.services.sessions.counts(1).hotspot === 3 && core.services.sessions.counts(1).pppoe === 1;
      if (!resynced()) await waitForEvent(core.services.bus, 'tenant.1.dashboard', resynced, 20_000);
      expect(core.services.sessions.hotspotSnapshot(1).sessions.map((s) => s.user)).toContain('while-away');
    } finally {
      await core.dispose();
      await sim.stop();
    }
  });
});
