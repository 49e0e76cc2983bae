import type { KeyedRows } from '../../live/keyed-rows';

interface SessionLike {
  routerId: number;
}

/**
 * Which logins have a live session on which router, kept from a live session table (Online
 * Users' hotspot rows, PPPoE's) without polling and without a pass over 20,000 rows per batch:
 * a batch that only patches counters changes nothing here, one that starts or ends sessions
 * adjusts their counts, and only a snapshot (or a change of login fields) rebuilds.
 */
export class OnlineLogins<S extends SessionLike> {
  private counts = new Map<string, number>();
  private revision = -1;
  private rows: ReadonlyMap<string, S> | null = null;

  constructor(
    private readonly loginOf: (row: S) => string,
    private readonly loginField: string,
  ) {}

  private static key(routerId: number, login: string): string {
    return `${routerId}\n${login}`;
  }

  /** Brings the counts to this state of the table (idempotent per revision). */
  sync(live: KeyedRows<S>): void {
    if (live.revision === this.revision && live.rows === this.rows) return;
    const change = live.lastChange;
    const incremental = change !== null && live.rows === this.rows && change.revision === this.revision + 1 && !change.fields.has(this.loginField) && !change.fields.has('routerId');
    if (incremental) {
      for (const row of change.removed) this.adjust(row, -1);
      for (const key of change.started) {
        const row = live.rows.get(key);
        if (row) this.adjust(row, 1);
      }
    } else {
      this.counts = new Map();
      for (const row of live.rows.values()) this.adjust(row, 1);
    }
    this.revision = live.revision;
    this.rows = live.rows;
  }

  private adjust(row: S, by: number): void {
    const key = OnlineLogins.key(row.routerId, this.loginOf(row));
    const next = (this.counts.get(key) ?? 0) + by;
    if (next > 0) this.counts.set(key, next);
    else this.counts.delete(key);
  }

  /** Whether `login` has a live session on any of these routers. */
  isOnline(routerIds: readonly number[], login: string): boolean {
    return routerIds.some((r) => this.counts.has(OnlineLogins.key(r, login)));
  }
}
