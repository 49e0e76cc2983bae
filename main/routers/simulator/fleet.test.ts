import { afterEach, describe, expect, it } from 'vitest';
import { startFleet } from './fleet';
import type { Fleet } from './types';
import { WireTestClient } from './wire-test-client';

let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.stop();
  fleet = undefined;
});

describe('startFleet', () => {
  it('starts N independent routers (ephemeral ports with basePort 0), each named after its index', async () => {
    fleet = await startFleet({ routers: 3, basePort: 0, hotspot: 4, pppoe: 2, version: '7.10' });
    expect(fleet.routers.map((r) => r.name)).toEqual(['sim-1', 'sim-2', 'sim-3']);
    expect(new Set(fleet.routers.map((r) => r.port)).size).toBe(3);
    const r = fleet.routers[2]!;
    const c = await WireTestClient.connect(r.port);
    await c.login();
    expect(await c.command('/system/identity/print')).toEqual([['!re', '=name=sim-3'], ['!done']]);
    expect(await c.command('/ppp/active/print', '=count-only=')).toEqual([['!done', '=ret=2']]);
    // Routers are separate models: a kick on one leaves the others alone.
    r.model.removeHotspotSession(r.model.hotspotSessionIds()[0]!);
    expect(fleet.routers.map((x) => x.model.hotspotSessionIds().length)).toEqual([4, 4, 3]);
    c.close();
  });

  it('passes the preset and reply latency to every router', async () => {
    fleet = await startFleet({ routers: 2, basePort: 0, preset: 'mikhmon', replyLatencyMs: 1 });
    for (const r of fleet.routers) {
      expect(r.replyLatencyMs).toBe(1);
      expect(r.model.get('/ip/hotspot/user/profile', 'Member')!['on-login']).toMatch(/noexp/);
    }
    const c = await WireTestClient.connect(fleet.routers[1]!.port);
    await c.login();
    expect(await c.command('/ip/hotspot/user/print', '?comment=vc-552-01.03.26-cafe', '=count-only=')).toEqual([['!done', '=ret=6']]);
    c.close();
  });

  it('an unnamed single router is called after its port', async () => {
    const { startSimulatedRouter } = await import('./simulated-router');
    const r = await startSimulatedRouter({ clock: 'manual' });
    try {
      expect(r.name).toBe(`sim-${r.port}`);
      expect(r.model.identity()).toBe(r.name);
    } finally {
      await r.stop();
    }
  });
});
