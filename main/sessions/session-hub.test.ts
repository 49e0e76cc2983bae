import { describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { EventBus, type BusEvent } from '../events/event-bus';
import type { HotspotSession } from './contract';
import { SessionHub } from './session-hub';

const session = (routerId: number, id: string, extra: Partial<HotspotSession> = {}): HotspotSession => ({
  key: `${routerId}:${id}`,
  routerId,
  routerName: `r${routerId}`,
  id,
  server: 'hotspot1',
  user: 'u',
  address: '10.5.50.2',
  macAddress: 'AA:BB:CC:DD:EE:01',
  loginBy: 'http-chap',
  uptimeSeconds: 1,
  sessionTimeLeftSeconds: null,
  bytesIn: 0,
  bytesOut: 0,
  rateIn: 0,
  rateOut: 0,
  ...extra,
});

function nextEvent(bus: EventBus, channel: string): Promise<BusEvent> {
  return new Promise((resolve) => {
    const off = bus.subscribe(channel, (e) => {
      off();
      resolve(e);
    });
  });
}

describe('session hub', () => {
  it('sends smaller batches of updates on a channel many consoles follow (each gets its own copy)', () => {
    const bus = new EventBus(silentLogger);
    const hub = new SessionHub(bus);
    const sizes: number[] = [];
    const rows = Array.from({ length: 1200 }, (_, i) => session(7, `*${i}`));
    hub.applyHotspot(1, { started: rows, updated: [], ended: [] });
    hub.drain();
    const followers = Array.from({ length: 50 }, () => bus.subscribe('tenant.1.sessions.hotspot', () => undefined));
    bus.subscribe('tenant.1.sessions.hotspot', (e) => sizes.push((e.payload as { updated: unknown[] }).updated.length));
    hub.applyHotspot(1, { started: [], updated: rows.map((r) => ({ key: r.key, bytesIn: 5 })), ended: [] });
    hub.drain();
    // 51 followers: 25,000 / 51 = 490 updates a batch.
    expect(sizes).toEqual([490, 490, 220]);
    for (const off of followers) off();
    sizes.length = 0;
    hub.applyHotspot(1, { started: [], updated: rows.map((r) => ({ key: r.key, bytesIn: 6 })), ended: [] });
    hub.drain();
    expect(sizes).toEqual([1200]);
  });

  it('coalesces a burst of router deltas into one batch per tenant channel', async () => {
    const bus = new EventBus(silentLogger);
    const hub = new SessionHub(bus);
    const batch = nextEvent(bus, 'tenant.1.sessions.hotspot');
    hub.applyHotspot(1, { started: [session(7, '*1'), session(7, '*2')], updated: [], ended: [] });
    hub.applyHotspot(1, { started: [], updated: [{ key: '7:*1', bytesIn: 500 }], ended: ['7:*2'] });
    hub.applyHotspot(1, { started: [], updated: [{ key: '7:*1', bytesIn: 500 }], ended: [] });
    const event = await batch;
    expect(event.name).toBe('HotspotSessionsChanged');
    expect(event.payload).toEqual({ started: [session(7, '*1', { bytesIn: 500 })], updated: [], ended: [] });
    expect(bus.currentSeq('tenant.1.sessions.hotspot')).toBe(1);
    expect(bus.currentSeq('tenant.2.sessions.hotspot')).toBe(0);
  });

  it('sends no event for updates that change nothing', async () => {
    const bus = new EventBus(silentLogger);
    const hub = new SessionHub(bus);
    hub.applyHotspot(1, { started: [session(7, '*1')], updated: [], ended: [] });
    hub.drain();
    hub.applyHotspot(1, { started: [], updated: [{ key: '7:*1', bytesIn: 0 }], ended: [] });
    hub.drain();
    expect(bus.currentSeq('tenant.1.sessions.hotspot')).toBe(1);
  });

  it('gives snapshots whose seq covers every change they contain', () => {
    const bus = new EventBus(silentLogger);
    const hub = new SessionHub(bus);
    hub.applyHotspot(1, { started: [session(7, '*1'), session(8, '*1')], updated: [], ended: [] });
    const snapshot = hub.hotspotSnapshot(1);
    expect(snapshot.seq).toBe(1);
    expect(snapshot.sessions.map((s) => s.key).sort()).toEqual(['7:*1', '8:*1']);
    expect(hub.hotspotSnapshot(1, 8).sessions.map((s) => s.key)).toEqual(['8:*1']);
    expect(hub.hotspotSnapshot(2).sessions).toEqual([]);
  });

  it('ends the sessions of a router that went away', async () => {
    const bus = new EventBus(silentLogger);
    const hub = new SessionHub(bus);
    hub.applyHotspot(1, { started: [session(7, '*1'), session(8, '*1')], updated: [], ended: [] });
    hub.drain();
    const batch = nextEvent(bus, 'tenant.1.sessions.hotspot');
    hub.endRouter(1, 7);
    expect((await batch).payload).toEqual({ started: [], updated: [], ended: ['7:*1'] });
    expect(hub.counts(1)).toEqual({ hotspot: 1, pppoe: 0 });
  });
});
