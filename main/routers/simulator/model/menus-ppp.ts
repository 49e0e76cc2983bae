import { RouterTrap } from '../router-trap';
import { formatDate, formatDuration, ipToInt } from '../values';
import { bool, duration, int, ip, oneOf, ref, required, str } from './fields';
import type { Flow } from './flow';
import type { MenuSpec } from './menu';
import type { ModelContext } from './model-context';

/** `/ppp/profile`, `/ppp/secret`, `/ppp/active`, `/interface/pppoe-server/server`, `/ip/pool`. */

export interface PppSecretData {
  lastLoggedOut?: number;
  lastCallerId?: string;
  lastReason?: string;
}

export interface PppActiveData {
  flow: Flow;
  interfaceId?: string;
  pool?: string;
  address?: number;
}

const TRI = ['default', 'no', 'yes'] as const;
const SERVICES = ['any', 'async', 'pptp', 'pppoe', 'l2tp', 'ovpn', 'sstp'] as const;

/** `10.0.0.2-10.0.0.254,10.0.1.1` → inclusive integer ranges; undefined if malformed. */
export function parseRanges(text: string): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  for (const part of text.split(',')) {
    const [a, b = a] = part.split('-');
    const from = ipToInt(a ?? '');
    const to = ipToInt(b ?? '');
    if (from === undefined || to === undefined || to < from) return undefined;
    out.push([from, to]);
  }
  return out;
}

export function pppMenus(m: ModelContext): MenuSpec<any>[] {
  const addressOrPool = (name: string) => (values: Record<string, string>) => {
    const v = values[name];
    if (v !== undefined && v !== '' && ipToInt(v) === undefined && !m.menu('/ip/pool').hasName(v)) {
      throw new RouterTrap(`input does not match any value of ${name}`, 1);
    }
  };

  const profile: MenuSpec = {
    path: '/ppp/profile',
    nameField: 'name',
    builtIn: ['default', 'default-encryption'],
    verbs: { add: true, set: true, remove: true },
    fields: {
      name: required(str()),
      'local-address': str(),
      'remote-address': str(),
      bridge: str(),
      'session-timeout': duration(),
      'idle-timeout': duration(),
      'only-one': oneOf(TRI, 'default'),
      'change-tcp-mss': oneOf(TRI, 'default'),
      'use-compression': oneOf(TRI, 'default'),
      'use-encryption': oneOf([...TRI, 'required'], 'default'),
      'use-mpls': oneOf([...TRI, 'required'], 'default'),
      'use-upnp': oneOf(TRI, 'default'),
      'use-ipv6': oneOf([...TRI, 'required'], 'yes'),
      'rate-limit': str(),
      'address-list': str(''),
      'interface-list': str(),
      'dns-server': str(),
      'wins-server': str(),
      'parent-queue': str(),
      'queue-type': str(),
      'insert-queue-before': str(),
      'incoming-filter': str(),
      'outgoing-filter': str(),
      'on-up': str(''),
      'on-down': str(''),
      comment: str(),
    },
    validate: (values) => {
      addressOrPool('local-address')(values);
      addressOrPool('remote-address')(values);
    },
    render: (row) => ({ default: String(row.values.name === 'default' || row.values.name === 'default-encryption') }),
  };

  const secret: MenuSpec<PppSecretData> = {
    path: '/ppp/secret',
    nameField: 'name',
    duplicateNameMessage: 'failure: secret with the same name already exists',
    verbs: { add: true, set: true, remove: true },
    initialData: () => ({}),
    fields: {
      name: required(str()),
      service: oneOf(SERVICES, 'any'),
      'caller-id': str(''),
      password: str(''),
      profile: ref('/ppp/profile', 'default'),
      'local-address': ip(),
      'remote-address': ip(),
      routes: str(''),
      'ipv6-routes': str(''),
      'limit-bytes-in': int('0'),
      'limit-bytes-out': int('0'),
      comment: str(),
      disabled: bool(false),
    },
    render: (row) => {
      const d = row.data;
      const out: Record<string, string> = {};
      if (d.lastLoggedOut !== undefined) out['last-logged-out'] = formatDate(d.lastLoggedOut, m.version);
      if (d.lastCallerId !== undefined) out['last-caller-id'] = d.lastCallerId;
      if (d.lastReason !== undefined) out['last-disconnect-reason'] = d.lastReason;
      return out;
    },
  };

  const active: MenuSpec<PppActiveData> = {
    path: '/ppp/active',
    verbs: { remove: true },
    firstId: 0x80000001,
    fields: {
      name: str(),
      service: str(),
      'caller-id': str(),
      address: str(),
      encoding: str(''),
      'session-id': str(),
      comment: str(),
    },
    onRemove: (row) => m.finishSession('/ppp/active', row, 'nas-request'),
    render: (row) => {
      const out: Record<string, string> = {
        uptime: formatDuration(Math.floor(Math.max(0, m.clockMs - row.data.flow.startClock) / 1000) * 1000),
      };
      const secretRow = m.menu('/ppp/secret').find(row.values.name ?? '');
      for (const k of ['limit-bytes-in', 'limit-bytes-out'] as const) {
        const v = secretRow?.values[k];
        if (v !== undefined && v !== '0') out[k] = v;
      }
      out.radius = 'false';
      return out;
    },
  };

  const pppoeServer: MenuSpec = {
    path: '/interface/pppoe-server/server',
    verbs: { add: true, set: true, remove: true },
    fields: {
      'service-name': str(''),
      interface: required(ref('/interface')),
      'max-mtu': str('auto'),
      'max-mru': str('auto'),
      mrru: str('disabled'),
      authentication: oneOf(['pap', 'chap', 'mschap1', 'mschap2'], 'pap,chap,mschap1,mschap2', true),
      'keepalive-timeout': int('10', ['disabled']),
      'one-session-per-host': bool(false),
      'max-sessions': int('unlimited', ['unlimited']),
      'pado-delay': int('0'),
      'default-profile': ref('/ppp/profile', 'default'),
      ...(m.version === '6.49' ? {} : { 'accept-empty-service': bool(true), comment: str() }),
      disabled: bool(false),
    },
    render: () => ({ invalid: 'false' }),
  };

  const pool: MenuSpec = {
    path: '/ip/pool',
    nameField: 'name',
    verbs: { add: true, set: true, remove: true },
    fields: {
      name: required(str()),
      ranges: required(str()),
      'next-pool': ref('/ip/pool', 'none', ['none']),
      comment: str(),
    },
    validate: (values) => {
      if (values.ranges !== undefined && !parseRanges(values.ranges)) {
        throw new RouterTrap('invalid value for argument ranges', 1);
      }
    },
    render: (row): Record<string, string> => {
      if (m.version === '6.49') return {};
      const total = (parseRanges(row.values.ranges ?? '') ?? []).reduce((n, [a, b]) => n + (b - a + 1), 0);
      const used = m.poolUsage(row.values.name ?? '');
      return { total: String(total), used: String(used), available: String(Math.max(0, total - used)) };
    },
  };

  return [profile, secret, active, pppoeServer, pool];
}
