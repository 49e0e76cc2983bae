import { RouterTrap } from '../router-trap';
import { formatDuration } from '../values';
import { durationMs } from './hotspot-limits';
import { bool, duration, int, ip, mac, oneOf, ref, required, str } from './fields';
import { type Flow, flowBytes } from './flow';
import type { MenuRow, MenuSpec } from './menu';
import type { ModelContext } from './model-context';

/** `/ip/hotspot` (servers), `/ip/hotspot/profile`, `/ip/hotspot/user`, `/ip/hotspot/user/profile`, `/ip/hotspot/active`. */

export interface HotspotUserData {
  uptimeMs: number;
  bytesIn: number;
  bytesOut: number;
}

export interface HotspotActiveData {
  flow: Flow;
  pool?: string;
  address?: number;
}

const NONE = ['none'] as const;

export const emptyUserData = (): HotspotUserData => ({ uptimeMs: 0, bytesIn: 0, bytesOut: 0 });

export function hotspotMenus(m: ModelContext): MenuSpec<any>[] {
  const serverProfile: MenuSpec = {
    path: '/ip/hotspot/profile',
    nameField: 'name',
    builtIn: ['default'],
    verbs: { add: true, set: true, remove: true },
    fields: {
      name: required(str()),
      'hotspot-address': ip(),
      'dns-name': str(''),
      'html-directory': str('hotspot'),
      'login-by': oneOf(['cookie', 'http-chap', 'http-pap', 'https', 'mac', 'mac-cookie', 'trial'], 'cookie,http-chap', true),
      'use-radius': bool(false),
      'rate-limit': str(''),
    },
    render: (row) => ({ default: String(row.values.name === 'default') }),
  };

  const server: MenuSpec = {
    path: '/ip/hotspot',
    nameField: 'name',
    verbs: { add: true, set: true, remove: true },
    fields: {
      name: required(str()),
      interface: required(ref('/interface')),
      'address-pool': ref('/ip/pool', 'none', NONE),
      profile: ref('/ip/hotspot/profile', 'default'),
      'idle-timeout': duration('5m', NONE),
      'keepalive-timeout': duration('none', NONE),
      'login-timeout': duration('none', NONE),
      'addresses-per-mac': int('2', ['unlimited']),
      disabled: bool(false),
    },
    validate: (values, existing) => {
      for (const other of m.menu('/ip/hotspot').all()) {
        if (other !== existing && other.values.interface === values.interface) {
          throw new RouterTrap('failure: hotspot server already configured on this interface', 4);
        }
      }
    },
    render: () => ({ invalid: 'false', HTTPS: 'false' }),
  };

  const userProfile: MenuSpec = {
    path: '/ip/hotspot/user/profile',
    nameField: 'name',
    builtIn: ['default'],
    verbs: { add: true, set: true, remove: true },
    fields: {
      name: required(str()),
      'address-pool': ref('/ip/pool', 'none', NONE),
      'session-timeout': duration('0s'),
      'idle-timeout': duration('none', NONE),
      'keepalive-timeout': duration('2m', NONE),
      'status-autorefresh': duration('1m'),
      'shared-users': int('1', ['unlimited']),
      'add-mac-cookie': bool(true),
      'mac-cookie-timeout': duration('3d'),
      'rate-limit': str(),
      'address-list': str(''),
      'incoming-filter': str(),
      'outgoing-filter': str(),
      'parent-queue': str(),
      'queue-type': str(),
      'insert-queue-before': str(),
      'on-login': str(''),
      'on-logout': str(''),
      'transparent-proxy': bool(true),
      'open-status-page': oneOf(['http-login', 'always'], 'always'),
      advertise: bool(false),
      'advertise-url': str(),
      'advertise-interval': str('30m,10m'),
      'advertise-timeout': duration('1m', ['immediately', 'never']),
    },
    render: (row) => ({ default: String(row.values.name === 'default') }),
  };

  const user: MenuSpec<HotspotUserData> = {
    path: '/ip/hotspot/user',
    nameField: 'name',
    duplicateNameMessage: 'failure: already have user with this name',
    verbs: { add: true, set: true, remove: true },
    initialData: emptyUserData,
    fields: {
      server: ref('/ip/hotspot', 'all', ['all']),
      name: required(str()),
      password: str(),
      address: ip(),
      'mac-address': mac(),
      profile: ref('/ip/hotspot/user/profile', 'default'),
      routes: str(),
      email: str(),
      'limit-uptime': duration(),
      'limit-bytes-in': int(),
      'limit-bytes-out': int(),
      'limit-bytes-total': int(),
      comment: str(),
      disabled: bool(false),
    },
    render: (row) => {
      const d = row.data;
      return {
        uptime: formatDuration(Math.floor(d.uptimeMs / 1000) * 1000),
        'bytes-in': String(d.bytesIn),
        'bytes-out': String(d.bytesOut),
        'packets-in': String(Math.ceil(d.bytesIn / 800)),
        'packets-out': String(Math.ceil(d.bytesOut / 800)),
        dynamic: 'false',
      };
    },
  };

  const active: MenuSpec<HotspotActiveData> = {
    path: '/ip/hotspot/active',
    verbs: { remove: true },
    firstId: 1,
    fields: {
      server: str(),
      user: str(),
      domain: str(''),
      address: str(),
      'mac-address': str(),
      'login-by': str(),
      comment: str(),
    },
    onRemove: (row) => m.finishSession('/ip/hotspot/active', row, 'admin-reset'),
    render: (row) => renderActive(m, row),
  };

  return [serverProfile, server, userProfile, user, active];
}

function renderActive(m: ModelContext, row: MenuRow<HotspotActiveData>): Record<string, string> {
  const d = row.data;
  const uptimeMs = Math.floor(Math.max(0, m.clockMs - d.flow.startClock) / 1000) * 1000;
  const c = flowBytes(d.flow, m.clockMs);
  const out: Record<string, string> = { uptime: formatDuration(uptimeMs) };
  const userRow = m.menu('/ip/hotspot/user').find(row.values.user ?? '') as MenuRow<HotspotUserData> | undefined;
  const profileRow = m.menu('/ip/hotspot/user/profile').find(userRow?.values.profile ?? 'default');
  // What is left of the user's limit-uptime (less its earlier sessions) or of the profile's session-timeout.
  const limit = durationMs(userRow?.values['limit-uptime']);
  const timeout = durationMs(profileRow?.values['session-timeout']);
  const left = Math.min(limit === undefined ? Infinity : limit - userRow!.data.uptimeMs - uptimeMs, timeout === undefined ? Infinity : timeout - uptimeMs);
  if (left !== Infinity) out['session-time-left'] = formatDuration(Math.max(0, Math.ceil(left / 1000) * 1000));
  out['idle-time'] = formatDuration((Math.floor(m.clockMs / 1000) % 7) * 1000);
  const serverRow = m.menu('/ip/hotspot').find(row.values.server ?? '');
  out['idle-timeout'] = serverRow?.values['idle-timeout'] ?? '5m';
  const keepalive = profileRow?.values['keepalive-timeout'] ?? '2m';
  if (keepalive !== 'none') out['keepalive-timeout'] = keepalive;
  out['bytes-in'] = String(c.bytesIn);
  out['bytes-out'] = String(c.bytesOut);
  out['packets-in'] = String(c.packetsIn);
  out['packets-out'] = String(c.packetsOut);
  // A session's byte limits are the user's, less what its earlier sessions used (HotSpot manual).
  const used = userRow?.data ?? emptyUserData();
  const usedBy = { 'limit-bytes-in': used.bytesIn, 'limit-bytes-out': used.bytesOut, 'limit-bytes-total': used.bytesIn + used.bytesOut };
  for (const [k, before] of Object.entries(usedBy)) {
    const v = userRow?.values[k];
    if (v !== undefined && v !== '0') out[k] = String(Math.max(0, Number(v) - before));
  }
  out.radius = 'false';
  out.blocked = 'false';
  return out;
}
