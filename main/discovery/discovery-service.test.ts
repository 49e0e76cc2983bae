import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import { silentLogger } from '../core/logger';
import { EventBus } from '../events/event-bus';
import { waitForEvent } from '../events/wait-for-event';
import { startMndpAnnouncer, type MndpAnnouncer } from '../routers/simulator/mndp-announcer';
import { startSimulatedRouter } from '../routers/simulator';
import type { SimulatedRouter } from '../routers/simulator';
import type { DiscoveredDevice } from './contract';
import { DiscoveryService, type DiscoveryOptions } from './discovery-service';

const operator = (id: string, tenantId: number | null = 7): Session => ({
  id,
  user: { id: 1, username: id, role: tenantId === null ? 'system_admin' : 'operator', tenantId },
});

describe('discovery service (real UDP on loopback)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function setup(options: DiscoveryOptions = {}, live: (s: Session) => boolean = () => true) {
    const bus = new EventBus(silentLogger);
    const service = new DiscoveryService({ bus, log: silentLogger, isLive: live }, { port: 0, address: '127.0.0.1', ...options });
    cleanups.push(() => service.close());
    return { bus, service };
  }
  async function simulator(name: string): Promise<SimulatedRouter> {
    const router = await startSimulatedRouter({ name, clock: 'manual' });
    cleanups.push(() => router.stop());
    return router;
  }
  async function announce(router: SimulatedRouter, port: number, intervalMs = 3_600_000): Promise<MndpAnnouncer> {
    const announcer = await startMndpAnnouncer(router, { address: '127.0.0.1', port, intervalMs });
    cleanups.push(() => announcer.stop());
    return announcer;
  }
  const seen = (bus: EventBus, channel: string, identity: string) =>
    waitForEvent(bus, channel, (e) => e.name === 'DiscoveryDeviceSeen' && (e.payload as { device: DiscoveredDevice }).device.identity === identity, 10_000);

  it('lists the simulator’s announcement, live to the watching tenant and in the next snapshot', async () => {
    const { bus, service } = await setup();
    const first = await service.watch(operator('a'));
    expect(first).toMatchObject({ listening: true, error: null, devices: [] });
    const router = await simulator('lab-1');
    const event = seen(bus, 'tenant.7.discovery', 'lab-1');
    await announce(router, first.port);
    const { device } = (await event).payload as { device: DiscoveredDevice };
    expect(device).toMatchObject({ identity: 'lab-1', address: '127.0.0.1', mac: router.model.print('/interface')[0]!['mac-address'] });
    const again = await service.watch(operator('b', 8));
    expect(again.devices.map((d) => d.identity)).toEqual(['lab-1']);
  });

  it('sends system admins’ events to the system channel', async () => {
    const { bus, service } = await setup();
    const { port } = await service.watch(operator('root', null));
    const event = seen(bus, 'system.discovery', 'lab-sys');
    await announce(await simulator('lab-sys'), port);
    await event;
  });

  it('asks neighbours to announce themselves now (probe) and hears the answer', async () => {
    const router = await simulator('lab-2');
    const sink = createSocket('udp4');
    await new Promise<void>((resolve) => sink.bind(0, '127.0.0.1', resolve));
    cleanups.push(() => void sink.close());
    const announcer = await announce(router, sink.address().port);
    const { bus, service } = await setup({ probePort: announcer.answerPort, probeTargets: () => ['127.0.0.1'] });
    await service.watch(operator('a'));
    const event = seen(bus, 'tenant.7.discovery', 'lab-2');
    expect(await service.probe()).toEqual(['127.0.0.1']);
    await event;
  });

  it('closes the port when the last watcher leaves, and when watchers’ connections are gone', async () => {
    let alive = true;
    const { service } = await setup({}, () => alive);
    const { port } = await service.watch(operator('a'));
    await service.watch(operator('b'));
    expect(await service.unwatch(operator('a'))).toBe(true);
    expect(service.listening().listening).toBe(true);
    alive = false;
    await service.sweep();
    expect(service.watching).toBe(0);
    expect(service.listening().listening).toBe(false);
    // The port is free again: a socket that does not share ports can take it.
    const probe = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.bind(port, '127.0.0.1', resolve);
    });
    probe.close();
  });

  it('ages out devices not heard within the TTL', async () => {
    const { bus, service } = await setup({ ttlMs: 60_000 });
    const { port } = await service.watch(operator('a'));
    const event = seen(bus, 'tenant.7.discovery', 'lab-3');
    await announce(await simulator('lab-3'), port);
    const { device } = (await event).payload as { device: DiscoveredDevice };
    const expired = waitForEvent(bus, 'tenant.7.discovery', (e) => e.name === 'DiscoveryDevicesExpired');
    await service.sweep(new Date(Date.now() + 61_000));
    expect((await expired).payload).toEqual({ macs: [device.mac] });
    expect((await service.watch(operator('a'))).devices).toEqual([]);
  });

  it('reports a port in use as an error the operator can act on, without throwing', async () => {
    const holder: Socket = createSocket('udp4');
    await new Promise<void>((resolve) => holder.bind(0, '127.0.0.1', resolve));
    cleanups.push(() => void holder.close());
    const { service } = await setup({ port: holder.address().port });
    const snapshot = await service.watch(operator('a'));
    expect(snapshot.listening).toBe(false);
    expect(snapshot.error).toMatch(/UDP port \d+ is in use by another program.*open Discovery again/);
  });
});
