import { createSocket, type Socket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeMndp, encodeMndpRequest, type MndpAnnouncement } from '../../discovery/mndp-codec';
import { startMndpAnnouncer, type MndpAnnouncer } from './mndp-announcer';
import { startFleet } from './fleet';
import { startSimulatedRouter } from './simulated-router';
import type { SimulatedRouter } from './types';

/** A plain UDP socket on loopback that hands over the next decoded announcement. */
async function receiver(): Promise<{ socket: Socket; port: number; next(): Promise<{ announcement: MndpAnnouncement | null; port: number }> }> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    socket,
    port: socket.address().port,
    next: () => new Promise((resolve) => socket.once('message', (packet, from) => resolve({ announcement: decodeMndp(packet), port: from.port }))),
  };
}

describe('simulator MNDP announcer', () => {
  let router: SimulatedRouter | null = null;
  let announcer: MndpAnnouncer | null = null;
  const sockets: Socket[] = [];

  afterEach(async () => {
    await announcer?.stop();
    announcer = null;
    for (const s of sockets.splice(0)) s.close();
    await router?.stop();
    router = null;
  });

  it('announces its identity, version, board and first interface at start', async () => {
    router = await startSimulatedRouter({ name: 'tower-7', clock: 'manual', version: '7.10' });
    const listener = await receiver();
    sockets.push(listener.socket);
    const first = listener.next();
    announcer = await startMndpAnnouncer(router, { address: '127.0.0.1', port: listener.port });
    const { announcement } = await first;
    const iface = router.model.print('/interface')[0]!;
    expect(announcement).toMatchObject({ identity: 'tower-7', ipv4: '127.0.0.1', mac: iface['mac-address'], interfaceName: iface.name, platform: 'MikroTik' });
    expect(announcement?.version).toMatch(/^7\.10/);
    expect(announcement?.board).not.toBe('');
    expect(announcer.sent).toBe(1);
  });

  it('answers a discovery request to whoever asked, with its current identity', async () => {
    router = await startSimulatedRouter({ name: 'tower-8', clock: 'manual' });
    const sink = await receiver();
    const asker = await receiver();
    sockets.push(sink.socket, asker.socket);
    announcer = await startMndpAnnouncer(router, { address: '127.0.0.1', port: sink.port, intervalMs: 3_600_000 });
    router.model.setIdentity('renamed-8');
    const answer = asker.next();
    asker.socket.send(encodeMndpRequest(), announcer.answerPort, '127.0.0.1');
    expect((await answer).announcement?.identity).toBe('renamed-8');
    expect((await answer).port).toBe(announcer.answerPort);
  });

  it('announces every router of a fleet that asks for it (off by default)', async () => {
    const sink = await receiver();
    sockets.push(sink.socket);
    const identities = new Set<string>();
    const both = new Promise<void>((resolve) =>
      sink.socket.on('message', (packet) => {
        identities.add(decodeMndp(packet)?.identity ?? '?');
        if (identities.size === 2) resolve();
      }),
    );
    const fleet = await startFleet({ routers: 2, basePort: 0, namePrefix: 'mndp', mndp: { address: '127.0.0.1', port: sink.port } });
    try {
      await both;
      expect([...identities].sort()).toEqual(['mndp-1', 'mndp-2']);
    } finally {
      await fleet.stop();
    }
  });
});
