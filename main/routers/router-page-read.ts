import { parseBoolean } from './client/values';
import type { MenuOp, MenuOpResult, RouterLogLine } from './io/shard-protocol';
import type { LiveRouters } from './live-routers';
import { maskRouterText } from './router-text-mask';
import type { DhcpLeaseRow, RouterInterfaceRow } from './watch-contract';

/** Recent log lines a page opens with (RouterOS keeps up to 1000 in memory). */
export const PAGE_LOG_LINES = 200;

const READS: MenuOp[] = [
  { verb: 'print', path: '/interface', proplist: ['name', 'type', 'mac-address', 'running', 'disabled'] },
  { verb: 'print', path: '/ip/dhcp-server/lease', proplist: ['address', 'mac-address', 'host-name', 'server', 'status', 'dynamic', 'expires-after', 'comment'] },
  { verb: 'print', path: '/log', proplist: ['.id', 'time', 'topics', 'message'] },
];

export interface RouterPageRead {
  interfaces: Omit<RouterInterfaceRow, 'rxBps' | 'txBps'>[];
  leases: DhcpLeaseRow[];
  log: RouterLogLine[];
  error: string | null;
}

const rowsOf = (result: MenuOpResult | undefined) => (result?.ok ? result.rows.filter((r) => r['.id'] !== undefined || r.name !== undefined || r.address !== undefined) : []);

/**
 * The router page's one read of its router (interfaces, DHCP leases, recent log) over the
 * router's connection, pipelined. A router that is down gives empty lists and the reason: the
 * page still shows what the console knows (its status and history).
 */
export async function readRouterPage(live: Pick<LiveRouters, 'menu'>, routerId: number, name: string): Promise<RouterPageRead> {
  let results: MenuOpResult[];
  try {
    results = await live.menu(routerId, READS, READS.length);
  } catch (error) {
    return { interfaces: [], leases: [], log: [], error: `could not read router '${name}' now (${(error as Error).message}); the page fills in when it is back online` };
  }
  const refused = results.find((r): r is Extract<MenuOpResult, { ok: false }> => !r.ok);
  return {
    interfaces: rowsOf(results[0]).map((r) => ({
      name: r.name ?? '',
      type: r.type ?? '',
      mac: r['mac-address'] || null,
      running: parseBoolean(r.running) ?? false,
      disabled: parseBoolean(r.disabled) ?? false,
    })),
    leases: rowsOf(results[1]).map((r) => ({
      address: r.address ?? '',
      mac: r['mac-address'] ?? '',
      hostName: r['host-name'] ?? '',
      server: r.server ?? '',
      status: r.status ?? '',
      dynamic: parseBoolean(r.dynamic) ?? false,
      expiresAfter: r['expires-after'] ?? '',
      comment: maskRouterText(r.comment ?? ''),
    })),
    log: rowsOf(results[2])
      .slice(-PAGE_LOG_LINES)
      .map((r) => ({ id: r['.id'] ?? '', time: r.time ?? '', topics: r.topics ?? '', message: maskRouterText(r.message ?? '') })),
    error: refused ? `router '${name}' refused a read: ${refused.message}` : null,
  };
}
