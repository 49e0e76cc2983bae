import type { DashboardAlert } from '../../../../main/dashboard/contract';

/** The down routers a watcher has seen, keyed by router id; null before its first figures. */
export type SeenDown = ReadonlySet<number> | null;

/**
 * The down alerts that are new since the last figures: a router that went down meanwhile. The
 * first figures only set the baseline, so a sign-in or reload does not ring for what was already
 * down; a router that comes back and goes down again rings again.
 */
export function newDownAlerts(seen: SeenDown, alerts: readonly DashboardAlert[]): { fresh: DashboardAlert[]; seen: ReadonlySet<number> } {
  const down = alerts.filter((a) => a.severity === 'down');
  const now = new Set(down.map((a) => a.routerId));
  return { fresh: seen === null ? [] : down.filter((a) => !seen.has(a.routerId)), seen: now };
}
