import type { TemplateSpec } from '../../../../main/provisioning/template-contract';

/** What a template sets up, in a few words for its row: "hotspot on bridge-hs (10.5.50.1/24), PPPoE on ether4, 2 plans". */
export function templateParts(t: TemplateSpec): string[] {
  const parts: string[] = [];
  if (t.hotspot) parts.push(`hotspot on ${t.hotspot.interface}${t.hotspot.bridgePorts.length ? ` (${t.hotspot.bridgePorts.join(', ')})` : ''} ${t.hotspot.address}`);
  if (t.pppoe) parts.push(`PPPoE on ${t.pppoe.interface}`);
  if (t.pools.length) parts.push(`${t.pools.length} pool${t.pools.length === 1 ? '' : 's'}`);
  if (t.planIds.length) parts.push(`${t.planIds.length} plan profile${t.planIds.length === 1 ? '' : 's'}`);
  if (t.apiHardening) parts.push(t.apiHardening.sslOnly ? 'API over TLS only' : 'API addresses');
  if (t.identity) parts.push(`identity ${t.identity}`);
  if (t.timeZone) parts.push(t.timeZone);
  if (t.ntpServers.length) parts.push(`NTP ${t.ntpServers.join(', ')}`);
  return parts;
}
