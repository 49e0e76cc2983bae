import { formatBool, formatDate, formatDuration } from '../values';
import { bool, int, str } from './fields';
import { type Flow, flowBytes } from './flow';
import type { MenuSpec } from './menu';
import type { ModelContext } from './model-context';

/** `/system/identity`, `/system/resource`, `/interface`. */

export interface InterfaceData {
  type: string;
  defaultName?: string;
  macAddress?: string;
  dynamic: boolean;
  actualMtu: number;
  flow?: Flow;
}

const VERSION_TEXT = { '6.49': '6.49.10 (long-term)', '7.10': '7.10.2 (stable)', '7.18': '7.18.2 (stable)' } as const;
const BUILD_TIME = { '6.49': Date.UTC(2023, 8, 5, 10, 33, 27), '7.10': Date.UTC(2023, 6, 20, 9, 10, 11), '7.18': Date.UTC(2025, 1, 24, 12, 47, 58) } as const;
const TOTAL_MEMORY = 1_073_741_824;

export function systemMenus(m: ModelContext): MenuSpec<any>[] {
  const identity: MenuSpec = { path: '/system/identity', singleton: true, verbs: { set: true }, fields: { name: str('MikroTik') } };

  const resource: MenuSpec = {
    path: '/system/resource',
    singleton: true,
    verbs: {},
    fields: {},
    render: () => ({
      uptime: formatDuration(Math.floor(m.clockMs / 1000) * 1000),
      version: VERSION_TEXT[m.version],
      'build-time': formatDate(BUILD_TIME[m.version], m.version),
      [m.version === '6.49' ? 'factory-software' : 'minimum-version']: '6.45.9',
      'free-memory': String(m.freeMemory),
      'total-memory': String(TOTAL_MEMORY),
      cpu: 'ARM',
      'cpu-count': '4',
      'cpu-frequency': '533',
      'cpu-load': String(m.cpuLoad),
      'free-hdd-space': '98402304',
      'total-hdd-space': '134217728',
      'write-sect-since-reboot': String(1000 + Math.floor(m.clockMs / 60_000)),
      'write-sect-total': String(480_211 + Math.floor(m.clockMs / 60_000)),
      'bad-blocks': '0',
      'architecture-name': 'arm',
      'board-name': 'RB1100AHx4',
      platform: 'MikroTik',
    }),
  };

  const iface: MenuSpec<InterfaceData> = {
    path: '/interface',
    nameField: 'name',
    verbs: { set: true },
    fields: { name: str(), mtu: int('1500', ['auto']), l2mtu: int(), comment: str(), disabled: bool(false) },
    render: (row) => {
      const d = row.data;
      const out: Record<string, string> = {};
      if (d.defaultName) out['default-name'] = d.defaultName;
      out.type = d.type;
      out['actual-mtu'] = String(d.actualMtu);
      if (d.macAddress) out['mac-address'] = d.macAddress;
      out['last-link-up-time'] = formatDate(m.bootEpochMs + (d.flow?.startClock ?? 0), m.version);
      out['link-downs'] = '0';
      const c = d.flow ? flowBytes(d.flow, m.clockMs) : { bytesIn: 0, bytesOut: 0, packetsIn: 0, packetsOut: 0 };
      out['rx-byte'] = String(c.bytesIn);
      out['tx-byte'] = String(c.bytesOut);
      out['rx-packet'] = String(c.packetsIn);
      out['tx-packet'] = String(c.packetsOut);
      out['rx-drop'] = '0';
      out['tx-drop'] = '0';
      out['tx-queue-drop'] = '0';
      out['rx-error'] = '0';
      out['tx-error'] = '0';
      out.running = formatBool(row.values.disabled !== 'true');
      out.dynamic = formatBool(d.dynamic);
      out.slave = 'false';
      return out;
    },
  };

  return [identity, resource, iface];
}
