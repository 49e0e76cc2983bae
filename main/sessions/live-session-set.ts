import type { SessionDelta } from './contract';

/**
 * One tenant's live sessions of one kind, keyed by `routerId:.id`. Applying a delta returns only
 * what really changed, so no-op updates never reach the wire.
 */
export class LiveSessionSet<S extends { key: string; routerId: number }> {
  private readonly rows = new Map<string, S>();

  get size(): number {
    return this.rows.size;
  }

  apply(delta: SessionDelta<S>): SessionDelta<S> {
    const effective: SessionDelta<S> = { started: [], updated: [], ended: [] };
    for (const key of delta.ended) {
      if (this.rows.delete(key)) effective.ended.push(key);
    }
    for (const row of delta.started) {
      this.rows.set(row.key, row);
      effective.started.push(row);
    }
    for (const change of delta.updated) {
      const current = this.rows.get(change.key);
      if (!current) continue;
      const diff = { key: change.key } as Partial<S> & { key: string };
      let changed = false;
      for (const [field, value] of Object.entries(change) as Array<[keyof S, S[keyof S]]>) {
        if (field !== 'key' && current[field] !== value) {
          (diff as Record<keyof S, unknown>)[field] = value;
          changed = true;
        }
      }
      if (!changed) continue;
      this.rows.set(change.key, { ...current, ...diff });
      effective.updated.push(diff);
    }
    return effective;
  }

  /** Ends every session of a router (removed, or offline: its sessions can no longer be vouched for). */
  endRouter(routerId: number): SessionDelta<S> {
    const ended = [...this.rows.values()].filter((s) => s.routerId === routerId).map((s) => s.key);
    return this.apply({ started: [], updated: [], ended });
  }

  list(routerId?: number): S[] {
    const all = [...this.rows.values()];
    return routerId === undefined ? all : all.filter((s) => s.routerId === routerId);
  }

  /** Sessions and summed rates per router, for the dashboard. */
  totalsByRouter(): Map<number, { sessions: number; inBps: number; outBps: number }> {
    const totals = new Map<number, { sessions: number; inBps: number; outBps: number }>();
    for (const row of this.rows.values()) {
      const t = totals.get(row.routerId) ?? { sessions: 0, inBps: 0, outBps: 0 };
      const rates = row as unknown as { rateIn?: number; rateOut?: number };
      t.sessions++;
      t.inBps += rates.rateIn ?? 0;
      t.outBps += rates.rateOut ?? 0;
      totals.set(row.routerId, t);
    }
    return totals;
  }

  get(key: string): S | undefined {
    return this.rows.get(key);
  }
}
