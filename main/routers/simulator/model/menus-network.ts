import { RouterTrap } from '../router-trap';
import { intToIp, ipToInt } from '../values';
import { networkOf, parseCidr } from './cidr';
import { bool, cidr, duration, int, ip, mac, oneOf, ref, required, str } from './fields';
import type { Menu, MenuRow, MenuSpec } from './menu';
import type { InterfaceData } from './menus-system';
import type { ModelContext } from './model-context';

/**
 * `/interface/bridge`, `/interface/bridge/port`, `/ip/address`, `/ip/dhcp-server` (+ `network`,
 * `lease`), `/ip/firewall/nat`: what a hotspot or PPPoE provisioning builds on. Field names,
 * defaults and refusals follow RouterOS 7 (CLI reference), so a plan that works here works there.
 */

const INTERFACE_TAKEN = 'failure: already have interface with such name';
const NAT_ACTIONS = ['accept', 'masquerade', 'dst-nat', 'src-nat', 'netmap', 'redirect', 'return', 'jump', 'passthrough', 'log', 'same', 'endpoint-independent-nat'] as const;

/** Leases the router handed out itself, as opposed to static ones a client added. */
export interface LeaseData {
  dynamic: boolean;
  hostName?: string;
}

export function networkMenus(m: ModelContext): MenuSpec<any>[] {
  const interfaces = () => m.menu('/interface');

  const bridge: MenuSpec = {
    path: '/interface/bridge',
    nameField: 'name',
    duplicateNameMessage: INTERFACE_TAKEN,
    verbs: { add: true, set: true, remove: true },
    fields: {
      name: required(str()),
      mtu: int('auto', ['auto']),
      arp: oneOf(['disabled', 'enabled', 'local-proxy-arp', 'proxy-arp', 'reply-only'], 'enabled'),
      'protocol-mode': oneOf(['none', 'rstp', 'stp', 'mstp'], 'rstp'),
      'vlan-filtering': bool(false),
      'auto-mac': bool(true),
      comment: str(),
      disabled: bool(false),
    },
    // A bridge is an interface too: its name may not be any other interface's.
    validate: (values, existing) => {
      const own = existing?.values.name;
      if (values.name !== undefined && values.name !== own && interfaces().hasName(values.name)) throw new RouterTrap(INTERFACE_TAKEN, 4);
    },
    afterWrite: (row, before) => {
      const ifaces = interfaces() as Menu<InterfaceData>;
      const mine = before ? ifaces.find(before.name ?? '') : undefined;
      const values = { name: row.values.name!, mtu: row.values.mtu ?? 'auto', disabled: row.values.disabled ?? 'false' };
      // set, not update: a rename must re-index the interface by its new name.
      if (mine) ifaces.set(mine.id, values);
      // RouterOS refers to the bridge by id, so its ports follow a rename.
      if (before && before.name !== row.values.name) {
        const ports = m.menu('/interface/bridge/port');
        for (const port of ports.all()) if (port.values.bridge === before.name) ports.update(port, { bridge: row.values.name! });
      }
      if (!mine) ifaces.insert(values, { type: 'bridge', macAddress: m.rand.mac('4A'), dynamic: false, actualMtu: 1500 });
    },
    onRemove: (row) => {
      const ports = m.menu('/interface/bridge/port');
      for (const port of [...ports.all()]) if (port.values.bridge === row.values.name) ports.delete(port.id);
      const mine = interfaces().find(row.values.name ?? '');
      if (mine) interfaces().delete(mine.id);
    },
    render: (row) => {
      const mine = interfaces().find(row.values.name ?? '') as MenuRow<InterfaceData> | undefined;
      return { 'mac-address': mine?.data.macAddress ?? '', 'actual-mtu': '1500', running: String(row.values.disabled !== 'true') };
    },
  };

  const bridgePort: MenuSpec = {
    path: '/interface/bridge/port',
    verbs: { add: true, set: true, remove: true },
    fields: {
      interface: required(ref('/interface')),
      bridge: required(ref('/interface/bridge')),
      pvid: int('1'),
      horizon: str('none'),
      comment: str(),
      disabled: bool(false),
    },
    validate: (values, existing) => {
      if (values.interface !== undefined && m.menu('/interface/bridge').hasName(values.interface)) {
        throw new RouterTrap('failure: bridge cannot be added as its own port', 4);
      }
      for (const other of m.menu('/interface/bridge/port').all()) {
        if (other !== existing && other.values.interface === values.interface) throw new RouterTrap('failure: device already added as bridge port', 4);
      }
    },
    render: () => ({ status: 'in-bridge', role: 'designated-port', dynamic: 'false', inactive: 'false' }),
  };

  const address: MenuSpec = {
    path: '/ip/address',
    verbs: { add: true, set: true, remove: true },
    fields: {
      address: required(cidr()),
      network: ip(),
      interface: required(ref('/interface')),
      comment: str(),
      disabled: bool(false),
    },
    validate: (values, existing) => {
      for (const other of m.menu('/ip/address').all()) {
        if (other !== existing && other.values.address === values.address && other.values.interface === values.interface) {
          throw new RouterTrap('failure: already have such address', 4);
        }
      }
    },
    render: (row) => {
      const c = parseCidr(row.values.address ?? '');
      return {
        network: row.values.network ?? (c ? intToIp(networkOf(c)) : ''),
        'actual-interface': actualInterface(m, row.values.interface ?? ''),
        invalid: 'false',
        dynamic: 'false',
      };
    },
  };

  const dhcpServer: MenuSpec = {
    path: '/ip/dhcp-server',
    nameField: 'name',
    verbs: { add: true, set: true, remove: true },
    fields: {
      name: required(str()),
      interface: required(ref('/interface')),
      'address-pool': ref('/ip/pool', 'static-only', ['static-only']),
      'lease-time': duration(m.version === '6.49' ? '10m' : '30m'),
      authoritative: oneOf(['after-10sec-delay', 'after-2sec-delay', 'yes', 'no'], 'yes'),
      'add-arp': bool(false),
      'always-broadcast': bool(false),
      'lease-script': str(''),
      'use-radius': oneOf(['yes', 'no', 'accounting'], 'no'),
      comment: str(),
      disabled: bool(false),
    },
    validate: (values, existing) => {
      for (const other of m.menu('/ip/dhcp-server').all()) {
        if (other !== existing && other.values.interface === values.interface) {
          throw new RouterTrap('failure: dhcp server already configured on this interface', 4);
        }
      }
    },
    onRemove: (row) => {
      const leases = m.menu('/ip/dhcp-server/lease');
      for (const lease of [...leases.all()] as MenuRow<LeaseData>[]) if (lease.data.dynamic && lease.values.server === row.values.name) leases.delete(lease.id);
    },
    render: () => ({ dynamic: 'false', invalid: 'false' }),
  };

  const dhcpNetwork: MenuSpec = {
    path: '/ip/dhcp-server/network',
    verbs: { add: true, set: true, remove: true },
    fields: {
      address: required(cidr()),
      gateway: str(),
      netmask: int(),
      'dns-server': str(),
      domain: str(),
      'ntp-server': str(),
      comment: str(),
    },
    validate: (values, existing) => {
      const c = parseCidr(values.address ?? '');
      if (c && networkOf(c) !== c.ip) throw new RouterTrap('invalid value for argument address', 1);
      // Plain addresses (no prefix), comma-separated where RouterOS takes a list.
      for (const name of ['gateway', 'dns-server', 'ntp-server']) {
        const v = values[name];
        if (v !== undefined && v !== '' && v.split(',').some((p) => ipToInt(p) === undefined)) throw new RouterTrap(`invalid value for argument ${name}`, 1);
      }
      for (const other of m.menu('/ip/dhcp-server/network').all()) {
        if (other !== existing && other.values.address === values.address) throw new RouterTrap('failure: already have such network', 4);
      }
    },
    render: () => ({ 'dhcp-option': '' }),
  };

  const lease: MenuSpec<LeaseData> = {
    path: '/ip/dhcp-server/lease',
    verbs: { add: true, set: true, remove: true },
    initialData: () => ({ dynamic: false }),
    fields: {
      address: required(ip()),
      'mac-address': required(mac()),
      server: ref('/ip/dhcp-server', 'all', ['all']),
      'lease-time': duration('0s'),
      'client-id': str(),
      comment: str(),
      disabled: bool(false),
    },
    validate: (values, existing) => {
      for (const other of m.menu('/ip/dhcp-server/lease').all()) {
        if (other !== existing && other.values['mac-address'] === values['mac-address'] && (other.values.server ?? 'all') === (values.server ?? 'all')) {
          throw new RouterTrap('failure: already have static lease for this client', 4);
        }
      }
    },
    render: (row) => {
      const out: Record<string, string> = { status: row.data.dynamic ? 'bound' : 'waiting', dynamic: String(row.data.dynamic), blocked: 'false' };
      if (row.data.dynamic) {
        out['active-address'] = row.values.address ?? '';
        out['active-mac-address'] = row.values['mac-address'] ?? '';
        out['expires-after'] = '9m41s';
        if (row.data.hostName) out['host-name'] = row.data.hostName;
      }
      return out;
    },
  };

  const nat: MenuSpec = {
    path: '/ip/firewall/nat',
    verbs: { add: true, set: true, remove: true },
    fields: {
      chain: required(str()),
      action: oneOf(NAT_ACTIONS, 'accept'),
      'src-address': cidr(),
      'dst-address': cidr(),
      protocol: str(),
      'dst-port': str(),
      'in-interface': ref('/interface'),
      'out-interface': ref('/interface'),
      'to-addresses': str(),
      'to-ports': str(),
      'jump-target': str(),
      'src-address-list': str(),
      'dst-address-list': str(),
      hotspot: str(),
      comment: str(),
      log: bool(false),
      'log-prefix': str(''),
      disabled: bool(false),
    },
    validate: (values) => {
      if (values.chain === '') throw new RouterTrap('invalid value for argument chain', 1);
      if (values.action === 'masquerade' && values.chain === 'dstnat') throw new RouterTrap('failure: masquerade only allowed in srcnat chain', 4);
      if (values.action === 'jump' && !values['jump-target']) throw new RouterTrap('failure: missing jump target', 4);
    },
    render: () => ({ bytes: '0', packets: '0', invalid: 'false', dynamic: 'false' }),
  };

  return [bridge, bridgePort, address, dhcpServer, dhcpNetwork, lease, nat];
}

/** An address on a bridge port really sits on the bridge (IP addressing manual). */
function actualInterface(m: ModelContext, name: string): string {
  for (const port of m.menu('/interface/bridge/port').all()) if (port.values.interface === name) return port.values.bridge ?? name;
  return name;
}
