import type { RouterLiveStatus } from './contract';

export const UNKNOWN_STATUS: RouterLiveStatus = {
  state: 'unknown',
  identity: null,
  board: null,
  version: null,
  uptimeSeconds: null,
  cpuLoad: null,
  memoryUsedPercent: null,
  lastSeenAt: null,
  lastError: null,
};

/** The latest live status of every watched router, kept in memory: it is rebuilt on start. */
export class RouterStatusBoard {
  private readonly statuses = new Map<number, RouterLiveStatus>();

  get(id: number): RouterLiveStatus {
    return this.statuses.get(id) ?? UNKNOWN_STATUS;
  }

  /** Merges a change; returns the new status, or null when nothing changed. */
  update(id: number, change: Partial<RouterLiveStatus>): RouterLiveStatus | null {
    const current = this.get(id);
    const next = { ...current, ...change };
    const changed = (Object.keys(change) as Array<keyof RouterLiveStatus>).some((k) => current[k] !== next[k]);
    if (!changed) return null;
    this.statuses.set(id, next);
    return next;
  }

  /** Watched routers per state (the console's /metrics). */
  countByState(): Map<RouterLiveStatus['state'], number> {
    const counts = new Map<RouterLiveStatus['state'], number>();
    for (const { state } of this.statuses.values()) counts.set(state, (counts.get(state) ?? 0) + 1);
    return counts;
  }

  forget(id: number): void {
    this.statuses.delete(id);
  }
}
