import { isIPv4, isIPv6 } from 'node:net';

/**
 * The remote address a per-address limit keys on. IPv4 clients of a dual-stack socket show up
 * as `::ffff:a.b.c.d`; they are the same client as `a.b.c.d`, so both count as one.
 * Connections with no network address (the desktop window's IPC) share the key `local`.
 */
export function peerAddress(remote: string | undefined): string {
  if (!remote) return 'local';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(remote);
  return mapped ? mapped[1]! : remote.toLowerCase();
}

/**
 * An address for the logs: the network, not the machine (`203.0.113.x`, `2001:db8:1:2::x`), so a
 * flood can be traced to its network without logs holding a person's exact address.
 */
export function maskAddress(address: string): string {
  if (isIPv4(address)) return address.replace(/\.\d+$/, '.x');
  if (isIPv6(address) && address !== '::1') {
    const groups = address.split(':').filter((g) => g !== '');
    return `${groups.slice(0, 4).join(':')}::x`;
  }
  return address;
}
