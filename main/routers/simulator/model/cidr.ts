import { intToIp, ipToInt } from '../values';

/** `10.5.0.1/16` (or a bare address, meaning /32) as RouterOS reads `address=` and `dst-address=`. */
export interface Cidr {
  ip: number;
  prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const [addr, bits, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const ip = ipToInt(addr ?? '');
  if (ip === undefined) return undefined;
  if (bits === undefined) return { ip, prefix: 32 };
  if (!/^\d{1,2}$/.test(bits) || Number(bits) > 32) return undefined;
  return { ip, prefix: Number(bits) };
}

export function networkOf(c: Cidr): number {
  const mask = c.prefix === 0 ? 0 : (0xffffffff << (32 - c.prefix)) >>> 0;
  return (c.ip & mask) >>> 0;
}

/** `10.5.0.1/16`: what RouterOS prints for an address (the prefix always shown). */
export const formatCidr = (c: Cidr): string => `${intToIp(c.ip)}/${c.prefix}`;

/** A comma list of addresses or networks (`/ip/service address=`), empty allowed. */
export const isCidrList = (text: string): boolean => text === '' || text.split(',').every((p) => parseCidr(p) !== undefined);
