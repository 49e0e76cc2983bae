import { asText, count, date, duration, editableMenu, flag, num, optText, printTyped, text, type InputSpec, type RecordSpec, type RouterCaller } from './menu-io';

/** `/system/resource`, `/system/identity`, `/interface` (with counters), `/ip/pool`. */

export interface SystemResource {
  uptimeSeconds: number | null;
  /** e.g. `7.14.3 (stable)` */
  version: string;
  /** Router-local time, `2024-04-17T12:47:58` (both date formats are read). */
  buildTime: string | null;
  freeMemory: number | null;
  totalMemory: number | null;
  cpu: string;
  cpuCount: number | null;
  cpuFrequencyMhz: number | null;
  cpuLoadPercent: number | null;
  freeHddSpace: number | null;
  totalHddSpace: number | null;
  architecture: string;
  boardName: string;
  platform: string;
}

const RESOURCE: RecordSpec<SystemResource> = {
  uptimeSeconds: ['uptime', duration],
  version: ['version', text],
  buildTime: ['build-time', date],
  freeMemory: ['free-memory', num],
  totalMemory: ['total-memory', num],
  cpu: ['cpu', text],
  cpuCount: ['cpu-count', num],
  cpuFrequencyMhz: ['cpu-frequency', num],
  cpuLoadPercent: ['cpu-load', num],
  freeHddSpace: ['free-hdd-space', num],
  totalHddSpace: ['total-hdd-space', num],
  architecture: ['architecture-name', text],
  boardName: ['board-name', text],
  platform: ['platform', text],
};

export async function getSystemResource(c: RouterCaller): Promise<SystemResource> {
  const [row] = await printTyped(c, '/system/resource', RESOURCE);
  if (!row) throw new Error(`router '${c.name}' returned no /system/resource`);
  return row;
}

export async function getIdentity(c: RouterCaller): Promise<string> {
  const [row] = await printTyped(c, '/system/identity', { name: ['name', text] });
  return row?.name ?? '';
}

export async function setIdentity(c: RouterCaller, name: string): Promise<void> {
  await c.call(['/system/identity/set', `=name=${name}`]);
}

export interface RouterInterface {
  id: string;
  name: string;
  defaultName: string | null;
  /** ether, bridge, vlan, pppoe-in, … */
  type: string;
  mtu: number | null;
  actualMtu: number | null;
  macAddress: string | null;
  running: boolean;
  disabled: boolean;
  dynamic: boolean;
  comment: string | null;
  rxByte: number;
  txByte: number;
  rxPacket: number;
  txPacket: number;
  rxDrop: number;
  txDrop: number;
  rxError: number;
  txError: number;
  linkDowns: number;
  lastLinkUpTime: string | null;
}

export const INTERFACE: RecordSpec<RouterInterface> = {
  id: ['.id', text],
  name: ['name', text],
  defaultName: ['default-name', optText],
  type: ['type', text],
  mtu: ['mtu', num],
  actualMtu: ['actual-mtu', num],
  macAddress: ['mac-address', optText],
  running: ['running', flag],
  disabled: ['disabled', flag],
  dynamic: ['dynamic', flag],
  comment: ['comment', optText],
  rxByte: ['rx-byte', count],
  txByte: ['tx-byte', count],
  rxPacket: ['rx-packet', count],
  txPacket: ['tx-packet', count],
  rxDrop: ['rx-drop', count],
  txDrop: ['tx-drop', count],
  rxError: ['rx-error', count],
  txError: ['tx-error', count],
  linkDowns: ['link-downs', count],
  lastLinkUpTime: ['last-link-up-time', date],
};

/** Interfaces with their counters; `type` filters on the router (`?type=pppoe-in`). */
export function listInterfaces(c: RouterCaller, filter: { type?: string } = {}): Promise<RouterInterface[]> {
  return printTyped(c, '/interface', INTERFACE, filter.type ? [`?type=${filter.type}`] : []);
}

export interface IpPool {
  id: string;
  name: string;
  /** `10.5.50.2-10.5.50.254,10.5.51.2-10.5.51.254` */
  ranges: string;
  nextPool: string | null;
  comment: string | null;
}

const POOL: RecordSpec<IpPool> = {
  id: ['.id', text],
  name: ['name', text],
  ranges: ['ranges', text],
  nextPool: ['next-pool', (v) => (v === undefined || v === 'none' ? null : v)],
  comment: ['comment', optText],
};

export type IpPoolInput = Omit<IpPool, 'id' | 'nextPool' | 'comment'> & { nextPool?: string; comment?: string };
const POOL_INPUT: InputSpec<IpPoolInput> = { name: ['name', asText], ranges: ['ranges', asText], nextPool: ['next-pool', asText], comment: ['comment', asText] };

export const ipPools = editableMenu('/ip/pool', POOL, POOL_INPUT);
