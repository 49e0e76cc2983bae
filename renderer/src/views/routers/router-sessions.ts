import type { RouterSessionCount } from '../../../../main/dashboard/contract';
import type { DashboardState } from '../dashboard/dashboard-store';

export type SessionCounts = Pick<RouterSessionCount, 'hotspot' | 'pppoe'>;

let cache: { from: RouterSessionCount[] | null; result: ReadonlyMap<number, SessionCounts> | null } | null = null;

/**
 * Each router's live session counts, by router id, from the tenant's dashboard push (at most once
 * a second, with every session change): the Routers list shows them without holding 20,000
 * sessions. Null until the dashboard has loaded. Memoized on the pushed list.
 */
export function sessionsByRouter(s: DashboardState): ReadonlyMap<number, SessionCounts> | null {
  const from = s.stats?.routerSessions ?? null;
  if (cache?.from === from) return cache.result;
  const result = from === null ? null : new Map(from.map((r) => [r.routerId, { hotspot: r.hotspot, pppoe: r.pppoe }]));
  cache = { from, result };
  return result;
}

/** "12 hotspot · 3 PPPoE", or a dash while unknown (a router added since the last push counts none yet). */
export function sessionsText(counts: SessionCounts | undefined): string {
  return counts ? `${counts.hotspot} hotspot · ${counts.pppoe} PPPoE` : '—';
}
