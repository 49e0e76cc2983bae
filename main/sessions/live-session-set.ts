import type { SessionDelta } from './contract';

/** What a live set needs of a row: its key, its router, and its current rates. */
export interface LiveRow {
  key: string;
  routerId: number;
  rateIn: number;
  rateOut: number;
}

/** One router's share of a live set, with its rate sums kept as rows change. */
interface RouterShare<S> {
  rows: Map<string, S>;
  inBps: number;
  outBps: number;
}

/**
 * One tenant's live sessions of one kind, keyed by `routerId:.id`. Applying a delta returns only
 * what really changed, so no-op updates never reach the wire. Rows are indexed by router with
 * running totals, so the dashboard's per-router figures and a router going offline cost the
 * size of that router, not of all 20k sessions.
 */
export class LiveSessionSet<S extends LiveRow> {
  private readonly rows = new Map<string, S>();
  private readonly routers = new Map<number, RouterShare<S>>();

  get size(): number {
    return this.rows.size;
  }

  apply(delta: SessionDelta<S>): SessionDelta<S> {
    const effective: SessionDelta<S> = { started: [], updated: [], ended: [] };
    for (const key of delta.ended) {
      const row = this.rows.get(key);
      if (!row) continue;
      this.remove(row);
      effective.ended.push(key);
    }
    for (const row of delta.started) {
      const previous = this.rows.get(row.key);
      if (previous) this.remove(previous);
      this.put(row);
      effective.started.push(row);
    }
    for (const change of delta.updated) {
      const current = this.rows.get(change.key);
      if (!current) continue;
      const diff = { key: change.key } as Partial<S> & { key: string };
      let changed = false;
      for (const field in change) {
        const value = (change as Record<string, unknown>)[field];
        if (field !== 'key' && current[field as keyof S] !== value) {
          (diff as Record<string, unknown>)[field] = value;
          changed = true;
        }
      }
      if (!changed) continue;
      // In place: a copy per counter refresh would promote 20k rows to the old generation
      // every interval, and its collections are what stall the main thread.
      const share = this.routers.get(current.routerId)!;
      share.inBps -= current.rateIn;
      share.outBps -= current.rateOut;
      Object.assign(current, diff);
      share.inBps += current.rateIn;
      share.outBps += current.rateOut;
      effective.updated.push(diff);
    }
    return effective;
  }

  /** Ends every session of a router (removed, or offline: its sessions can no longer be vouched for). */
  endRouter(routerId: number): SessionDelta<S> {
    const share = this.routers.get(routerId);
    return this.apply({ started: [], updated: [], ended: share ? [...share.rows.keys()] : [] });
  }

  list(routerId?: number): S[] {
    if (routerId === undefined) return [...this.rows.values()];
    return [...(this.routers.get(routerId)?.rows.values() ?? [])];
  }

  /** Sessions and summed rates per router, for the dashboard. */
  totalsByRouter(): Map<number, { sessions: number; inBps: number; outBps: number }> {
    const totals = new Map<number, { sessions: number; inBps: number; outBps: number }>();
    // Rounded: running sums of fractional rates carry float noise.
    const bps = (sum: number) => Math.max(0, Math.round(sum));
    for (const [routerId, share] of this.routers) totals.set(routerId, { sessions: share.rows.size, inBps: bps(share.inBps), outBps: bps(share.outBps) });
    return totals;
  }

  get(key: string): S | undefined {
    return this.rows.get(key);
  }

  private put(row: S): void {
    this.rows.set(row.key, row);
    let share = this.routers.get(row.routerId);
    if (!share) this.routers.set(row.routerId, (share = { rows: new Map(), inBps: 0, outBps: 0 }));
    share.rows.set(row.key, row);
    share.inBps += row.rateIn;
    share.outBps += row.rateOut;
  }

  private remove(row: S): void {
    this.rows.delete(row.key);
    const share = this.routers.get(row.routerId);
    if (!share) return;
    share.rows.delete(row.key);
    if (share.rows.size === 0) this.routers.delete(row.routerId);
    else {
      share.inBps -= row.rateIn;
      share.outBps -= row.rateOut;
    }
  }
}
