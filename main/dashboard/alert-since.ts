import type { RouterLiveStatus } from '../routers/contract';
import { CPU_ALERT_PERCENT } from './dashboard-stats';

/** What is wrong with a router, for the "since" of its alert; null when nothing is. */
export type AlertCondition = 'down' | 'cpu-high';

export function alertCondition(status: RouterLiveStatus): AlertCondition | null {
  if (status.state !== 'online' && status.state !== 'degraded') return 'down';
  return status.state === 'online' && (status.cpuLoad ?? 0) > CPU_ALERT_PERCENT ? 'cpu-high' : null;
}

/**
 * When each router's trouble began, as this console saw it. A router that is not up counts as one
 * condition through its reconnect attempts (offline, connecting, offline…), so "since" is when it
 * stopped serving, not its last retry. A router already down when the console started is down
 * since the console first saw it.
 */
export class AlertSince {
  private readonly began = new Map<number, { condition: AlertCondition; at: string }>();

  /** The start of the router's current condition (now if it is new); null while it is fine. */
  of(routerId: number, status: RouterLiveStatus, now: Date): string | null {
    const condition = alertCondition(status);
    const known = this.began.get(routerId);
    if (condition === null) {
      this.began.delete(routerId);
      return null;
    }
    if (known?.condition === condition) return known.at;
    const at = now.toISOString();
    this.began.set(routerId, { condition, at });
    return at;
  }

  /** Forgets routers that no longer exist. */
  keepOnly(routerIds: ReadonlySet<number>): void {
    for (const id of this.began.keys()) if (!routerIds.has(id)) this.began.delete(id);
  }
}
