import { z } from 'zod';

/**
 * A provisioning template: how a tenant wants a router set up, as desired state. Every part is
 * optional (null / empty), so one template can be "hotspot on ether2" and another "harden the
 * API and set the clock". Names and addresses are checked here so the router never gets a value
 * the console could have refused itself.
 */

const ROUTER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
const interfaceName = z.string().trim().regex(ROUTER_NAME, 'an interface or bridge name: 1 to 32 letters, digits or . _ -, starting with a letter or digit');
const poolName = z.string().trim().regex(ROUTER_NAME, 'a pool name: 1 to 32 letters, digits or . _ -');
const profileName = z.string().trim().regex(ROUTER_NAME, 'a profile name: 1 to 32 letters, digits or . _ -');
const HOST = /^(\*\.)?([A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}$/;
const hostName = z.string().trim().toLowerCase().max(253).regex(HOST, 'a host name such as pay.example.com or *.example.com');

/** Dotted quad, each part 0–255 (no node:net: the renderer validates with this schema too). */
const isIPv4 = (v: string): boolean => /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(v);
const ipv4 = z.string().trim().refine((v) => isIPv4(v), 'an IPv4 address such as 10.5.50.1');
const cidr = z
  .string()
  .trim()
  .refine((v) => {
    const [ip, bits, ...rest] = v.split('/');
    return rest.length === 0 && isIPv4(ip ?? '') && bits !== undefined && /^\d{1,2}$/.test(bits) && Number(bits) <= 32;
  }, 'an address with its prefix, such as 10.5.50.1/24');

const ipToInt = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0) >>> 0;
const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const maskOf = (prefix: number): number => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);

/** `10.5.50.1/24` → the router's address `10.5.50.1` and the network `10.5.50.0/24`. */
export function hotspotNetwork(address: string): { gateway: string; network: string } {
  const [ip, bits] = address.split('/') as [string, string];
  const prefix = Number(bits);
  return { gateway: ip, network: `${intToIp((ipToInt(ip) & maskOf(prefix)) >>> 0)}/${prefix}` };
}

/** `10.5.50.2-10.5.50.254` (one or more, comma-separated), each range low to high. */
const ranges = z
  .string()
  .trim()
  .max(400)
  .refine(
    (v) =>
      v.split(',').every((range) => {
        const [from, to, ...rest] = range.trim().split('-');
        if (rest.length > 0 || !isIPv4(from ?? '') || (to !== undefined && !isIPv4(to))) return false;
        return to === undefined || ipToInt(from!) <= ipToInt(to);
      }),
    'address ranges such as 10.5.50.2-10.5.50.254 (low to high, comma-separated)',
  );

const ZONES = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);

const LOGIN_METHODS = ['http-chap', 'http-pap', 'https', 'cookie', 'mac', 'mac-cookie', 'trial'] as const;

export const hotspotPartSchema = z
  .object({
    /** An existing interface, or the bridge to make when `bridgePorts` is given. */
    interface: interfaceName,
    /** Ports to put in a new bridge named `interface` (empty: use the interface as it is). */
    bridgePorts: z.array(interfaceName).max(32).default([]),
    /** The router's address on the hotspot network, with its prefix (10.5.50.1/24). */
    address: cidr,
    /** Addresses handed out by DHCP and the hotspot. */
    poolRanges: ranges,
    dnsName: hostName.nullable().default(null),
    loginBy: z.array(z.enum(LOGIN_METHODS)).min(1, 'choose at least one login method').max(LOGIN_METHODS.length).default(['http-chap', 'cookie']),
    htmlDirectory: z.string().trim().regex(/^[A-Za-z0-9._/-]{1,64}$/, 'a folder name on the router such as hotspot').default('hotspot'),
    /** DHCP lease time in seconds. */
    leaseSeconds: z.number().int().min(60).max(7 * 86_400).default(3600),
    /** Hosts reachable before login (payment pages, the operator's site). */
    walledGarden: z.array(hostName).max(100).default([]),
    /** Masquerade the hotspot network out of the router (NAT). */
    masquerade: z.boolean().default(true),
  })
  .strict()
  .superRefine((h, ctx) => {
    // An address or ranges already refused: their own message says it, a second would mislead.
    if (!cidr.safeParse(h.address).success || !ranges.safeParse(h.poolRanges).success) return;
    const prefix = Number(h.address.split('/')[1]);
    if (prefix < 8 || prefix > 30) ctx.addIssue({ code: 'custom', path: ['address'], message: 'a hotspot network between /8 and /30' });
    const { network } = hotspotNetwork(h.address);
    const outside = h.poolRanges.split(',').some((r) => r.trim().split('-').some((a) => hotspotNetwork(`${a}/${prefix}`).network !== network));
    if (outside) ctx.addIssue({ code: 'custom', path: ['poolRanges'], message: `the ranges must lie inside ${h.address}` });
    if (h.bridgePorts.includes(h.interface)) ctx.addIssue({ code: 'custom', path: ['bridgePorts'], message: 'the bridge cannot be one of its own ports' });
  });

export const pppoePartSchema = z
  .object({
    interface: interfaceName,
    serviceName: z.string().trim().regex(/^[A-Za-z0-9._-]{0,32}$/, 'a service name: up to 32 letters, digits or . _ -').default(''),
    poolName: poolName,
    poolRanges: ranges,
    /** The router's side of every PPPoE link. */
    localAddress: ipv4,
    /** The server's default profile (made or updated by the template). */
    profileName: profileName,
    dnsServers: z.array(ipv4).max(4).default([]),
    oneSessionPerHost: z.boolean().default(true),
  })
  .strict();

export const poolPartSchema = z.object({ name: poolName, ranges }).strict();

export const apiHardeningSchema = z
  .object({
    /** Turn off the plain API (8728) and keep api-ssl (8729) on. */
    sslOnly: z.boolean().default(true),
    /** Who may reach api-ssl (empty: anyone). The console's own address must be inside. */
    allowedAddresses: z.array(cidr).max(20).default([]),
  })
  .strict();

export const templateFields = {
  name: z.string().trim().min(1, 'give the template a name').max(80),
  description: z.string().trim().max(500).default(''),
  /** `{router}` is replaced by the router's name in the console. */
  identity: z.string().trim().regex(/^[A-Za-z0-9{}._ -]{1,64}$/, 'an identity: letters, digits, spaces or . _ -, and {router}').nullable().default(null),
  timeZone: z
    .string()
    .refine((z) => ZONES.has(z), 'an IANA time zone such as Africa/Nairobi')
    .nullable()
    .default(null),
  ntpServers: z.array(z.union([ipv4, hostName])).max(4).default([]),
  pools: z.array(poolPartSchema).max(20).default([]),
  hotspot: hotspotPartSchema.nullable().default(null),
  pppoe: pppoePartSchema.nullable().default(null),
  /** The tenant's plans whose profiles the router gets (and which then list the router). */
  planIds: z.array(z.number().int().positive()).max(100).default([]),
  apiHardening: apiHardeningSchema.nullable().default(null),
};

export const templateSchema = z
  .object(templateFields)
  .strict()
  .superRefine((t, ctx) => {
    const pools = [...t.pools.map((p) => p.name), ...(t.pppoe ? [t.pppoe.poolName] : [])];
    const twice = pools.find((name, i) => pools.indexOf(name) !== i);
    if (twice) ctx.addIssue({ code: 'custom', path: ['pools'], message: `the pool '${twice}' is defined twice` });
    if (t.hotspot && t.pppoe && t.hotspot.interface === t.pppoe.interface && t.hotspot.bridgePorts.length === 0) {
      // RouterOS allows it, but a hotspot and a PPPoE server on one port is almost always a mistake.
      ctx.addIssue({ code: 'custom', path: ['pppoe', 'interface'], message: 'the PPPoE server needs another interface than the hotspot' });
    }
  });

export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateSpec = z.output<typeof templateSchema>;
export type HotspotPart = z.output<typeof hotspotPartSchema>;
export type PppoePart = z.output<typeof pppoePartSchema>;
