import type { PlanRecord } from '../plans/plan-repository';
import { profileAttributes, profileMenu, sameProfileValue } from '../plans/plan-profile';
import { ownedMarker, type DesiredRow } from './desired-row';
import { hotspotNetwork, type HotspotPart, type PppoePart, type TemplateSpec } from './template-contract';

/** Menus whose template rows are found by the comment marker: printed on every plan, to remove stale ones. */
export const OWNED_MENUS = ['/ip/hotspot/walled-garden', '/ip/firewall/nat'] as const;

export interface RowContext {
  templateId: number;
  /** The router's name in the console (for `{router}` in the identity). */
  routerName: string;
  /** RouterOS version as the router reported it; 6.x has other NTP fields. */
  version: string | null;
  /** The template's plans (those still in the tenant). */
  plans: readonly PlanRecord[];
}

/** The names the template gives what it makes for a hotspot on an interface. */
export const hotspotNames = (iface: string) => ({ pool: `hs-pool-${iface}`, dhcp: `dhcp-${iface}`, profile: `hsprof-${iface}`, server: `hotspot-${iface}` });

const pool = (name: string, ranges: string): DesiredRow => ({ menu: '/ip/pool', label: `IP pool ${name}`, kind: 'row', match: { name }, attrs: { ranges } });

function hotspotRows(h: HotspotPart, marker: string): DesiredRow[] {
  const names = hotspotNames(h.interface);
  const { gateway, network } = hotspotNetwork(h.address);
  const rows: DesiredRow[] = [];
  if (h.bridgePorts.length > 0) {
    rows.push({ menu: '/interface/bridge', label: `bridge ${h.interface}`, kind: 'row', match: { name: h.interface }, attrs: {} });
    for (const port of h.bridgePorts) rows.push({ menu: '/interface/bridge/port', label: `port ${port} in bridge ${h.interface}`, kind: 'row', match: { bridge: h.interface, interface: port }, attrs: {} });
  }
  rows.push(
    pool(names.pool, h.poolRanges),
    { menu: '/ip/address', label: `address ${h.address} on ${h.interface}`, kind: 'row', match: { address: h.address, interface: h.interface }, attrs: {} },
    { menu: '/ip/dhcp-server', label: `DHCP server ${names.dhcp}`, kind: 'row', match: { name: names.dhcp }, attrs: { interface: h.interface, 'address-pool': names.pool, 'lease-time': `${h.leaseSeconds}s`, disabled: 'false' } },
    { menu: '/ip/dhcp-server/network', label: `DHCP network ${network}`, kind: 'row', match: { address: network }, attrs: { gateway, 'dns-server': gateway } },
    {
      menu: '/ip/hotspot/profile',
      label: `hotspot server profile ${names.profile}`,
      kind: 'row',
      match: { name: names.profile },
      attrs: { 'hotspot-address': gateway, 'dns-name': h.dnsName ?? '', 'login-by': h.loginBy.join(','), 'html-directory': h.htmlDirectory },
    },
    { menu: '/ip/hotspot', label: `hotspot server ${names.server} on ${h.interface}`, kind: 'row', match: { name: names.server }, attrs: { interface: h.interface, 'address-pool': names.pool, profile: names.profile, disabled: 'false' } },
  );
  for (const host of h.walledGarden) {
    rows.push({ menu: '/ip/hotspot/walled-garden', label: `walled garden ${host}`, kind: 'row', owned: true, match: { 'dst-host': host, comment: marker }, attrs: { action: 'allow' } });
  }
  if (h.masquerade) {
    rows.push({ menu: '/ip/firewall/nat', label: `masquerade ${network}`, kind: 'row', owned: true, match: { chain: 'srcnat', 'src-address': network, comment: marker }, attrs: { action: 'masquerade', disabled: 'false' } });
  }
  return rows;
}

function pppoeRows(p: PppoePart): DesiredRow[] {
  return [
    pool(p.poolName, p.poolRanges),
    {
      menu: '/ppp/profile',
      label: `PPP profile ${p.profileName}`,
      kind: 'row',
      match: { name: p.profileName },
      attrs: { 'local-address': p.localAddress, 'remote-address': p.poolName, 'dns-server': p.dnsServers.join(',') },
    },
    {
      menu: '/interface/pppoe-server/server',
      label: `PPPoE server on ${p.interface}`,
      kind: 'row',
      match: { interface: p.interface },
      attrs: { 'service-name': p.serviceName, 'default-profile': p.profileName, 'one-session-per-host': String(p.oneSessionPerHost), disabled: 'false' },
    },
  ];
}

function systemRows(t: TemplateSpec, ctx: RowContext): DesiredRow[] {
  const rows: DesiredRow[] = [];
  if (t.identity) rows.push({ menu: '/system/identity', label: 'identity', kind: 'singleton', match: {}, attrs: { name: t.identity.replaceAll('{router}', ctx.routerName) } });
  if (t.timeZone) rows.push({ menu: '/system/clock', label: 'time zone', kind: 'singleton', match: {}, attrs: { 'time-zone-name': t.timeZone, 'time-zone-autodetect': 'false' } });
  if (t.ntpServers.length > 0) {
    const servers = t.ntpServers.join(',');
    const v6 = ctx.version?.startsWith('6.') ?? false;
    rows.push({ menu: '/system/ntp/client', label: 'NTP client', kind: 'singleton', match: {}, attrs: v6 ? { enabled: 'true', 'server-dns-names': servers } : { enabled: 'true', servers } });
  }
  if (t.apiHardening) {
    const { sslOnly, allowedAddresses } = t.apiHardening;
    rows.push({ menu: '/ip/service', label: 'API service (plain)', kind: 'fixed', match: { name: 'api' }, attrs: { disabled: String(sslOnly) } });
    rows.push({ menu: '/ip/service', label: 'API service (api-ssl)', kind: 'fixed', match: { name: 'api-ssl' }, attrs: { disabled: 'false', address: allowedAddresses.join(',') } });
  }
  return rows;
}

/**
 * Everything the template wants on one router, in the order it can be built: bridges before
 * addresses, pools before the servers that use them, profiles before the PPPoE server, and the
 * API service last (hardening it must not cut a half-built run off).
 */
export function templateRows(t: TemplateSpec, ctx: RowContext): DesiredRow[] {
  const marker = ownedMarker(ctx.templateId);
  const plans = ctx.plans
    .filter((p) => t.planIds.includes(p.id))
    .map<DesiredRow>((p) => ({ menu: profileMenu(p.kind), label: `plan profile ${p.name}`, kind: 'row', match: { name: p.name }, attrs: profileAttributes(p), same: sameProfileValue }));
  return [
    ...t.pools.map((p) => pool(p.name, p.ranges)),
    ...(t.hotspot ? hotspotRows(t.hotspot, marker) : []),
    ...(t.pppoe ? pppoeRows(t.pppoe) : []),
    ...plans,
    ...systemRows(t, ctx),
  ];
}
