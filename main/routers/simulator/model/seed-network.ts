import type { LeaseData } from './menus-network';
import type { SimRouterModel } from './router-model';

const API_SERVICES: Array<[string, string, boolean]> = [
  ['telnet', '23', false],
  ['ftp', '21', false],
  ['www', '80', false],
  ['ssh', '22', false],
  ['www-ssl', '443', true],
  ['api', '8728', false],
  ['winbox', '8291', false],
  ['api-ssl', '8729', false],
];

/**
 * The addressing under the seeded hotspot and PPPoE server: the uplink and hotspot addresses, a
 * DHCP server on the hotspot interface with a few clients' leases, the masquerade rule. Fixed values only (no draws from the model's
 * random source), so sessions seeded after this stay what they were for a given seed.
 */
export function seedNetwork(model: SimRouterModel): void {
  model.menu('/ip/address').insert({ address: '100.64.10.2/30', interface: 'ether1', comment: 'uplink' }, undefined);
  model.menu('/ip/address').insert({ address: '10.5.0.1/16', interface: 'ether2', comment: 'hotspot network' }, undefined);
  model.menu('/ip/dhcp-server').insert({ name: 'dhcp1', interface: 'ether2', 'address-pool': 'hs-pool', 'lease-time': '1h' }, undefined);
  model.menu('/ip/dhcp-server/network').insert({ address: '10.5.0.0/16', gateway: '10.5.0.1', 'dns-server': '10.5.0.1' }, undefined);
  const leases = model.menu('/ip/dhcp-server/lease');
  ['android-phone', 'iPhone', 'DESKTOP-7QK2', 'Galaxy-A14'].forEach((hostName, i) => {
    const data: LeaseData = { dynamic: true, hostName };
    leases.insert({ address: `10.5.255.${250 - i}`, 'mac-address': `DC:2C:6E:00:10:${String(i + 1).padStart(2, '0')}`, server: 'dhcp1' }, data);
  });
  model.menu('/ip/firewall/nat').insert({ chain: 'srcnat', action: 'masquerade', 'out-interface': 'ether1', comment: 'masquerade' }, undefined);
}

/** What every router has out of the box: the /ip/service list, the clock and the NTP client. */
export function seedFactoryServices(model: SimRouterModel): void {
  for (const [name, port, disabled] of API_SERVICES) {
    model.menu('/ip/service').insert({ name, port, disabled: String(disabled), ...(name.endsWith('-ssl') ? { certificate: 'none' } : {}) }, undefined);
  }
  model.menu('/system/clock').insert({}, undefined);
  model.menu('/system/ntp/client').insert({}, undefined);
}
