import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a per-address limit (sign-ins, connection cap) counts under:
 * - IPv4: the address itself; an IPv4 client of a dual-stack socket shows up as `::ffff:a.b.c.d`
 *   and is the same client as `a.b.c.d`, so both count as one.
 * - IPv6: its /64 (`2001:db8:1:2::/64`). One subscriber line or host usually gets a whole /64,
 *   so keying on the full address would let a client rotate through 2^64 keys and never be limited.
 * - `::1` stays `::1`, and connections with no network address (the desktop window's IPC) share `local`.
 * A key given back in is returned unchanged (the gateway keys, then hands the key to the core).
 */
export function peerAddress(remote: string | undefined): string {
  if (!remote) return 'local';
  if (isIPv4(remote)) return remote;
  const groups = ipv6Groups(remote);
  if (!groups) return remote.toLowerCase();
  const mapped = mappedIPv4(groups);
  if (mapped) return mapped;
  if (isLoopback(groups)) return '::1';
  return `${hex(groups.slice(0, 4))}::/64`;
}

/**
 * An address for the logs: the network, not the machine (`203.0.113.x`, `2001:db8:1:2::x`), so a
 * flood can be traced to its network without logs holding a person's exact address. A /64 key
 * from peerAddress already names only a network and is returned as it is.
 */
export function maskAddress(address: string): string {
  if (isIPv4(address)) return address.replace(/\.\d+$/, '.x');
  const groups = ipv6Groups(address);
  if (!groups || isLoopback(groups)) return address;
  const mapped = mappedIPv4(groups);
  if (mapped) return maskAddress(mapped);
  return `${hex(groups.slice(0, 4))}::x`;
}

/** The eight 16-bit groups of an IPv6 address in any written form (`::`, embedded IPv4, zone id); null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

function mappedIPv4(groups: number[]): string | null {
  if (!groups.slice(0, 5).every((g) => g === 0) || groups[5] !== 0xffff) return null;
  const [high, low] = [groups[6]!, groups[7]!];
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

function isLoopback(groups: number[]): boolean {
  return groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1;
}

function hex(groups: number[]): string {
  return groups.map((g) => g.toString(16)).join(':');
}
