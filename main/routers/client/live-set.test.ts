import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatedRouter, type SimulatedRouter, type SimulatedRouterOptions } from '../simulator';
import { failOnUnhandled } from '../testing/fail-on-unhandled';
import { kickHotspotSession } from './hotspot-menus';
import { hotspotSessionSet, pppSessionSet, type LiveSetDelta } from './live-set';
import { RouterConnection } from './router-connection';

/** Live sessions against the simulator: listen deltas, counter refresh, re-sync on reconnect. */
failOnUnhandled();

const routers: SimulatedRouter[] = [];
const connections: RouterConnection[] = [];
const sets: Array<{ stop(): void }> = [];
afterEach(async () => {
  for (const s of sets.splice(0)) s.stop();
  for (const c of connections.splice(0)) await c.stop();
  for (const r of routers.splice(0)) await r.stop();
});

async function setup(sim: SimulatedRouterOptions = {}, refreshIntervalMs = 60_000) {
  const router = await startSimulatedRouter({ clock: 'manual', hotspotSessions: 4, pppoeSessions: 3, ...sim });
  routers.push(router);
  const conn = new RouterConnection(
    { name: 'live-1', host: router.host, port: router.port, username: router.username, password: router.password },
    { backoff: { initialMs: 5, maxMs: 20 }, callTimeoutMs: 2_000 },
  );
  connections.push(conn);
  const hotspot = hotspotSessionSet(conn, { refreshIntervalMs });
  const ppp = pppSessionSet(conn, { refreshIntervalMs });
  sets.push(hotspot, ppp);
  const firstHotspot = hotspot.deltas.next();
  const firstPpp = ppp.deltas.next();
  hotspot.start();
  ppp.start();
  conn.start();
  return { router, conn, hotspot, ppp, firstHotspot: await firstHotspot, firstPpp: await firstPpp };
}

/** What a consumer sees of a live set, whatever its row type. */
type AnySet = { snapshot(): Array<{ id: string }>; deltas: { on(listener: (d: LiveSetDelta<{ id: string }>) => void): () => void } };
const ids = (set: AnySet) => set.snapshot().map((s) => s.id).sort();
const sorted = (list: string[]) => [...list].sort();

describe('live session sets', () => {
  it('loads the current sessions as one re-sync delta', async () => {
    const { router, hotspot, ppp, firstHotspot, firstPpp } = await setup();
    expect(firstHotspot.resync).toBe(true);
    expect(sorted(firstHotspot.started.map((s) => s.id))).toEqual(sorted(router.model.hotspotSessionIds()));
    expect(firstHotspot.started[0]).toMatchObject({ server: 'hotspot1', bytesIn: expect.any(Number), uptimeSeconds: expect.any(Number) });
    expect(firstPpp.started).toHaveLength(3);
    expect(firstPpp.started.every((s) => s.service === 'pppoe' && s.bytesIn !== null)).toBe(true);
    expect(ids(hotspot)).toEqual(sorted(router.model.hotspotSessionIds()));
    expect(ids(ppp)).toEqual(sorted(router.model.pppSessionIds()));
  });

  it('an empty set still gives a re-sync delta (RouterOS 7.18 answers !empty)', async () => {
    const { firstHotspot, firstPpp } = await setup({ version: '7.18', hotspotSessions: 0, pppoeSessions: 0 });
    expect(firstHotspot).toEqual({ started: [], updated: [], ended: [], resync: true });
    expect(firstPpp).toEqual({ started: [], updated: [], ended: [], resync: true });
  });

  it('reports starts, updates, kicks and ends from listen as they happen', async () => {
    const { router, conn, hotspot, ppp } = await setup();
    let next = hotspot.deltas.next();
    const added = router.model.addHotspotSession({ user: 'walk-in-1' });
    expect(await next).toMatchObject({ started: [expect.objectContaining({ id: added, user: 'walk-in-1' })], ended: [], resync: false });

    next = hotspot.deltas.next();
    router.model.updateSession('/ip/hotspot/active', added, { comment: 'vip' });
    expect((await next).updated).toEqual([expect.objectContaining({ id: added, comment: 'vip' })]);

    next = hotspot.deltas.next();
    await kickHotspotSession(conn, added);
    expect(await next).toMatchObject({ started: [], ended: [added] });

    const pppNext = ppp.deltas.next();
    const [gone] = router.model.pppSessionIds();
    router.model.removePppSession(gone!);
    expect((await pppNext).ended).toEqual([gone]);
    expect(ids(ppp)).toEqual(sorted(router.model.pppSessionIds()));
  });

  it('nets the events of one window: a session that starts and ends in it is never reported, so no consumer keeps a ghost', async () => {
    const { router, hotspot } = await setup();
    // Replayed as the console's live set does: ends first, then starts, then updates.
    const seen = new Set(hotspot.snapshot().map((s) => s.id));
    hotspot.deltas.on((d) => {
      expect(d.started.filter((s) => d.ended.includes(s.id))).toEqual([]);
      for (const id of d.ended) seen.delete(id);
      for (const s of d.started) seen.add(s.id);
    });
    const next = hotspot.deltas.next();
    // One synchronous burst: its listen events reach the client in one read.
    const brief = router.model.addHotspotSession({ user: 'brief' });
    router.model.updateSession('/ip/hotspot/active', brief, { comment: 'seen once' });
    router.model.removeHotspotSession(brief);
    const stays = router.model.addHotspotSession({ user: 'stays' });
    router.model.updateSession('/ip/hotspot/active', stays, { comment: 'a' });
    router.model.updateSession('/ip/hotspot/active', stays, { comment: 'b' });
    const delta = await next;
    expect(delta.started.map((s) => [s.id, s.comment])).toEqual([[stays, 'b']]);
    expect(delta.updated).toEqual([]);
    expect(delta.ended).toEqual([]);
    expect(sorted([...seen])).toEqual(sorted(router.model.hotspotSessionIds()));
  });

  it('refreshes counters periodically (hotspot bytes, PPPoE bytes from <pppoe-NAME> interfaces)', async () => {
    const { router, hotspot, ppp, firstHotspot, firstPpp } = await setup({}, 20);
    const hotspotBytes = new Map(firstHotspot.started.map((s) => [s.id, s.bytesIn + s.bytesOut]));
    const pppBytes = new Map(firstPpp.started.map((s) => [s.id, (s.bytesIn ?? 0) + (s.bytesOut ?? 0)]));
    const nextHotspot = hotspot.deltas.next((d) => d.updated.length > 0);
    const nextPpp = ppp.deltas.next((d) => d.updated.length > 0);
    router.model.tick(60_000);
    const h = await nextHotspot;
    const p = await nextPpp;
    expect(h.updated.length).toBe(4);
    for (const s of h.updated) expect(s.bytesIn + s.bytesOut).toBeGreaterThan(hotspotBytes.get(s.id)!);
    expect(p.updated.length).toBe(3);
    for (const s of p.updated) expect(s.bytesIn! + s.bytesOut!).toBeGreaterThan(pppBytes.get(s.id)!);
  });

  it('ends every session when the connection goes, and re-syncs them all on reconnect', async () => {
    const { router, conn, hotspot, ppp } = await setup();
    const before = ids(hotspot);
    const dropped = hotspot.deltas.next((d) => d.ended.length > 0);
    await router.stop();
    await conn.waitFor('offline');
    // Sessions nobody can vouch for any more end at once (the console shows none for the router)…
    expect(sorted((await dropped).ended)).toEqual(before);
    expect(hotspot.size).toBe(0);
    const [ended] = router.model.hotspotSessionIds();
    router.model.removeHotspotSession(ended!);
    const started = router.model.addHotspotSession({ user: 'while-away' });
    const [pppEnded] = router.model.pppSessionIds();
    router.model.removePppSession(pppEnded!);
    const resync = hotspot.deltas.next((d) => d.resync);
    const pppResync = ppp.deltas.next((d) => d.resync);
    await router.start();
    // …and the re-sync starts every session the router has now.
    const delta = await resync;
    expect(delta.ended).toEqual([]);
    expect(sorted(delta.started.map((s) => s.id))).toEqual(sorted(router.model.hotspotSessionIds()));
    expect(delta.started.map((s) => s.id)).toContain(started);
    expect(delta.started.map((s) => s.id)).not.toContain(ended);
    expect(sorted((await pppResync).started.map((s) => s.id))).toEqual(sorted(router.model.pppSessionIds()));
    expect(ids(hotspot)).toEqual(sorted(router.model.hotspotSessionIds()));
    // and listen works on the new connection
    const next = hotspot.deltas.next();
    const another = router.model.addHotspotSession();
    expect((await next).started.map((s) => s.id)).toEqual([another]);
  });

  it('a router restart (new .ids) ends every old session and starts the new ones', async () => {
    const { router, hotspot, firstHotspot } = await setup();
    const before = firstHotspot.started.map((s) => s.id);
    const dropped = hotspot.deltas.next((d) => d.ended.length > 0);
    const resync = hotspot.deltas.next((d) => d.resync);
    await router.restart();
    expect(sorted((await dropped).ended)).toEqual(sorted(before));
    const delta = await resync;
    expect(sorted(delta.started.map((s) => s.id))).toEqual(sorted(router.model.hotspotSessionIds()));
    expect(delta.started.some((s) => before.includes(s.id))).toBe(false);
  });

  it('stays consistent through churn and faults (drop, fatal, garbage, stall)', async () => {
    const { router, conn, hotspot, ppp } = await setup({ hotspotSessions: 20, pppoeSessions: 10, seed: 7 });
    // Mirror the sets from their deltas only, as a consumer would.
    const mirror = (set: AnySet) => {
      const seen = new Set(set.snapshot().map((s) => s.id));
      set.deltas.on((d) => {
        for (const s of d.started) seen.add(s.id);
        for (const id of d.ended) seen.delete(id);
      });
      return seen;
    };
    const hotspotMirror = mirror(hotspot);
    const pppMirror = mirror(ppp);
    const settle = async () => {
      await conn.waitFor('online');
      await Promise.all([hotspot.refresh(), ppp.refresh()]);
      expect(sorted([...hotspotMirror])).toEqual(sorted(router.model.hotspotSessionIds()));
      expect(sorted([...pppMirror])).toEqual(sorted(router.model.pppSessionIds()));
    };
    const faults: Array<() => void> = [
      () => router.faults.dropConnections(),
      () => router.faults.fatal('simulated'),
      () => router.faults.garbage(32),
      () => router.faults.stall(30),
    ];
    for (const fault of faults) {
      router.model.churnOnce(5);
      const reconnected = fault === faults[3] ? Promise.resolve(0) : conn.connected.next();
      fault();
      router.model.churnOnce(5);
      await reconnected;
      await settle();
    }
  });
});
