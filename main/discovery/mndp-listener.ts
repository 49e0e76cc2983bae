import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { networkInterfaces } from 'node:os';
import { decodeMndp, encodeMndpRequest, MAX_PACKET_BYTES, type MndpAnnouncement } from './mndp-codec';

export interface MndpListenerOptions {
  port: number;
  /** '0.0.0.0' hears every network of the machine; '127.0.0.1' only the simulator (tests). */
  address: string;
}

export type AnnouncementHandler = (announcement: MndpAnnouncement, from: RemoteInfo) => void;

/** Why the port could not be bound, in words an operator can act on. */
export class ListenError extends Error {}

/**
 * A UDP socket on the MNDP port that hands each neighbour announcement to `onAnnouncement`.
 * `reuseAddr` lets it share the port with another MNDP listener (WinBox, The Dude) that allows it.
 */
export class MndpListener {
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
    readonly address: string,
  ) {}

  static open(options: MndpListenerOptions, onAnnouncement: AnnouncementHandler): Promise<MndpListener> {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    return new Promise((resolve, reject) => {
      socket.once('error', (error: NodeJS.ErrnoException) => {
        socket.close();
        reject(new ListenError(listenErrorText(error, options)));
      });
      socket.bind(options.port, options.address, () => {
        socket.removeAllListeners('error');
        // A socket error after binding (a send to an unreachable network) must not end the process.
        socket.on('error', () => undefined);
        socket.setBroadcast(true);
        socket.on('message', (packet, from) => {
          if (packet.length > MAX_PACKET_BYTES) return;
          const announcement = decodeMndp(packet);
          if (announcement) onAnnouncement(announcement, from);
        });
        resolve(new MndpListener(socket, socket.address().port, options.address));
      });
    });
  }

  /** Sends a discovery request to each target (port `port`); resolves with the targets it reached. */
  async probe(targets: readonly string[], port: number): Promise<string[]> {
    const request = encodeMndpRequest();
    const sent = await Promise.all(
      targets.map((target) => new Promise<string | null>((resolve) => this.socket.send(request, port, target, (error) => resolve(error ? null : target)))),
    );
    return sent.filter((t): t is string => t !== null);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}

/** The broadcast address of each IPv4 network the machine is on (loopback aside). */
export function localBroadcastAddresses(): string[] {
  const out = new Set<string>();
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family !== 'IPv4' || a.internal) continue;
      const ip = toInt(a.address);
      const mask = toInt(a.netmask);
      out.add(fromInt((ip | ~mask) >>> 0));
    }
  }
  return [...out];
}

const toInt = (dotted: string) => dotted.split('.').reduce((n, part) => ((n << 8) | Number(part)) >>> 0, 0);
const fromInt = (n: number) => [24, 16, 8, 0].map((shift) => (n >>> shift) & 0xff).join('.');

function listenErrorText(error: NodeJS.ErrnoException, { port, address }: MndpListenerOptions): string {
  if (error.code === 'EADDRINUSE') {
    return `UDP port ${port} is in use by another program (WinBox and The Dude also listen on it): close it, then open Discovery again.`;
  }
  if (error.code === 'EACCES') return `No permission to listen on UDP port ${port}: allow the console through the firewall, then open Discovery again.`;
  if (error.code === 'EADDRNOTAVAIL') return `The address ${address} is not on this machine: check the discovery address setting.`;
  return `Could not listen on UDP ${address}:${port} (${error.code ?? error.message}): check the firewall, then open Discovery again.`;
}
