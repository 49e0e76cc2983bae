import { RouterTrap } from '../router-trap';
import { formatDate } from '../values';
import { isCidrList } from './cidr';
import { bool, cidr, int, oneOf, ref, str } from './fields';
import type { MenuSpec } from './menu';
import type { ModelContext } from './model-context';

/**
 * `/ip/hotspot/walled-garden` (+ `/ip`), `/ip/service`, `/system/clock`, `/system/ntp/client`
 * and `/log`: the hardening, time and diagnostics menus a provisioning template touches.
 */

// Intl knows the IANA zones; RouterOS also accepts `manual` (no zone) and plain `UTC`.
const TIME_ZONES = ['manual', 'UTC', ...Intl.supportedValuesOf('timeZone')];

export function serviceMenus(m: ModelContext): MenuSpec<any>[] {
  const walledGarden: MenuSpec = {
    path: '/ip/hotspot/walled-garden',
    verbs: { add: true, set: true, remove: true },
    fields: {
      action: oneOf(['allow', 'deny'], 'allow'),
      'dst-host': str(''),
      'dst-port': str(''),
      'dst-address': cidr(),
      method: str(''),
      path: str(''),
      server: ref('/ip/hotspot'),
      'src-address': cidr(),
      comment: str(),
      disabled: bool(false),
    },
    render: () => ({ hits: '0', dynamic: 'false' }),
  };

  const walledGardenIp: MenuSpec = {
    path: '/ip/hotspot/walled-garden/ip',
    verbs: { add: true, set: true, remove: true },
    fields: {
      action: oneOf(['accept', 'drop', 'reject'], 'accept'),
      'dst-address': cidr(),
      'dst-address-list': str(),
      'dst-host': str(''),
      'dst-port': str(),
      protocol: str(),
      server: ref('/ip/hotspot'),
      'src-address': cidr(),
      comment: str(),
      disabled: bool(false),
    },
    render: () => ({ invalid: 'false', dynamic: 'false' }),
  };

  const service: MenuSpec = {
    path: '/ip/service',
    nameField: 'name',
    verbs: { set: true },
    fields: {
      name: str(),
      port: int(),
      address: str(''),
      certificate: str(),
      'tls-version': oneOf(['any', 'only-1.2'], undefined),
      disabled: bool(false),
    },
    validate: (values, existing) => {
      if (existing && values.name !== existing.values.name) throw new RouterTrap('failure: can not change name of service', 4);
      if (values.address !== undefined && !isCidrList(values.address)) throw new RouterTrap('invalid value for argument address', 1);
      const port = Number(values.port);
      if (values.port !== undefined && (port < 1 || port > 65535)) throw new RouterTrap('invalid value for argument port', 1);
    },
    render: (row) => ({ invalid: 'false', ...(m.version === '6.49' ? {} : { 'max-sessions': '20', vrf: 'main', proto: 'tcp', dynamic: 'false', 'connection': String(row.values.name === 'api') }) }),
  };

  const clock: MenuSpec = {
    path: '/system/clock',
    singleton: true,
    verbs: { set: true },
    fields: {
      'time-zone-name': oneOf(TIME_ZONES, 'manual'),
      'time-zone-autodetect': bool(true),
    },
    render: () => {
      const [date, time] = formatDate(m.bootEpochMs + m.clockMs, m.version).split(' ');
      return { date: date!, time: time!, 'gmt-offset': '+00:00', 'dst-active': 'false' };
    },
  };

  const ntpClient: MenuSpec = {
    path: '/system/ntp/client',
    singleton: true,
    verbs: { set: true },
    fields:
      m.version === '6.49'
        ? { enabled: bool(false), 'primary-ntp': str('0.0.0.0'), 'secondary-ntp': str('0.0.0.0'), 'server-dns-names': str('') }
        : { enabled: bool(false), mode: oneOf(['unicast', 'broadcast', 'multicast', 'manycast'], 'unicast'), servers: str(''), vrf: str('main') },
    render: (row) => ({ status: row.values.enabled === 'true' ? 'synchronized' : 'stopped' }),
  };

  // Written by the model only (RouterLog); print and listen are the only verbs.
  const log: MenuSpec = {
    path: '/log',
    verbs: {},
    fields: { time: str(), topics: str(), message: str() },
  };

  return [walledGarden, walledGardenIp, service, clock, ntpClient, log];
}
