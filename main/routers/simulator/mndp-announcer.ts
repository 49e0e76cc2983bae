import { createSocket } from 'node:dgram';
import { encodeMndp, isMndpRequest, type MndpAnnouncement } from '../../discovery/mndp-codec';
import type { SimulatedRouter } from './types';

export interface MndpAnnouncerOptions {
  /** Where announcements go: 127.0.0.1 (tests, the demo) or 255.255.255.255 (a LAN). */
  address: string;
  /** The listener's port: 5678 for a real console, a free high port in tests. */
  port: number;
  /** RouterOS announces every minute. @defaultValue 60000 */
  intervalMs?: number;
  /** Where the announcer hears discovery requests. @defaultValue 0 (ephemeral) */
  answerPort?: number;
  /** @defaultValue '127.0.0.1' */
  bindAddress?: string;
  /** The IPv4 address announced. @defaultValue the simulator's host */
  ipv4?: string;
}

export interface MndpAnnouncer {
  /** The UDP port that answers discovery requests. */
  readonly answerPort: number;
  /** Announcements sent so far. */
  readonly sent: number;
  /** Sends one announcement now (besides the timer's). */
  announce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The simulator's MNDP side, like RouterOS's neighbour discovery: announces the router's
 * identity, version, board and first interface at start and every `intervalMs`, and answers
 * a discovery request (the bare 4-byte header) with an announcement to whoever asked.
 */
export async function startMndpAnnouncer(router: SimulatedRouter, options: MndpAnnouncerOptions): Promise<MndpAnnouncer> {
  const socket = createSocket({ type: 'udp4' });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.answerPort ?? 0, options.bindAddress ?? '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  // A send to a network that went away must not end the process (the demo runs inside the app).
  socket.on('error', () => undefined);
  socket.setBroadcast(true);
  let sequence = 0;
  let sent = 0;
  const send = (address: string, port: number) =>
    new Promise<void>((resolve) => {
      socket.send(encodeMndp(describe(router, options.ipv4 ?? router.host), sequence++ & 0xffff), port, address, () => {
        sent++;
        resolve();
      });
    });
  socket.on('message', (packet, from) => {
    if (isMndpRequest(packet)) void send(from.address, from.port);
  });
  const timer = setInterval(() => void send(options.address, options.port), options.intervalMs ?? 60_000);
  timer.unref();
  await send(options.address, options.port);
  return {
    answerPort: socket.address().port,
    get sent() {
      return sent;
    },
    announce: () => send(options.address, options.port),
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        socket.close(() => resolve());
      }),
  };
}

/** What the router says about itself, read from its model as `/system/resource` and `/interface` print it. */
function describe(router: SimulatedRouter, ipv4: string): MndpAnnouncement {
  const resource = router.model.print('/system/resource')[0] ?? {};
  const first = router.model.print('/interface')[0] ?? {};
  return {
    mac: first['mac-address'] ?? '00:00:00:00:00:00',
    identity: router.model.identity(),
    version: resource.version ?? router.version,
    platform: resource.platform ?? 'MikroTik',
    board: resource['board-name'] ?? '',
    softwareId: '',
    interfaceName: first.name ?? '',
    ipv4: /^\d{1,3}(\.\d{1,3}){3}$/.test(ipv4) ? ipv4 : null,
    ipv6: null,
    uptimeSeconds: Math.floor(router.model.clockMs / 1000),
  };
}
