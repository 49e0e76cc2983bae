import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import type { HistoryPoint, HistoryResolution } from './history-contract';
import type { HistoryRepository, HistoryRow, HistoryScope, HistoryScopeKey } from './history-repository';

const HOUR = 3_600_000;
const TABLE: Record<HistoryResolution, string> = { minute: 'dashboard_minutes', hour: 'dashboard_hours' };
/** The tenant's total is stored as router 0 (router ids start at 1). */
const TOTAL = 0;

interface PointRow {
  at: number;
  hotspot: number;
  pppoe: number;
  in_bps: number;
  out_bps: number;
  cpu: number | null;
  memory: number | null;
}

const toPoint = (r: PointRow): HistoryPoint => ({ at: new Date(r.at).toISOString(), hotspot: r.hotspot, pppoe: r.pppoe, inBps: r.in_bps, outBps: r.out_bps, cpu: r.cpu, memory: r.memory });
const rounded = (column: string) => `CAST(ROUND(AVG(${column})) AS INTEGER)`;

/** The dashboard history on SQLite; every read names its tenant (or, for system admins, sums them). */
export class SqliteHistoryRepository implements HistoryRepository {
  private readonly prepare;

  constructor(private readonly db: Db) {
    this.prepare = preparedStatements(db);
  }

  async write(resolution: HistoryResolution, rows: readonly HistoryRow[]): Promise<void> {
    const insert = this.prepare(
      `INSERT OR REPLACE INTO ${TABLE[resolution]} (tenant_id, router_id, at, hotspot, pppoe, in_bps, out_bps, cpu, memory) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.tenantId, r.routerId ?? TOTAL, r.at, r.hotspot, r.pppoe, Math.round(r.inBps), Math.round(r.outBps), r.cpu === null ? null : Math.round(r.cpu), r.memory == null ? null : Math.round(r.memory));
    })();
  }

  async points(resolution: HistoryResolution, scope: HistoryScope, from: number, to: number): Promise<HistoryPoint[]> {
    const table = TABLE[resolution];
    const columns = 'at, hotspot, pppoe, in_bps, out_bps, cpu, memory';
    let rows: PointRow[];
    if (scope.tenantId !== null) {
      rows = this.prepare<[number, number, number, number], PointRow>(
        `SELECT ${columns} FROM ${table} WHERE tenant_id = ? AND router_id = ? AND at >= ? AND at < ? ORDER BY at`,
      ).all(scope.tenantId, scope.routerId ?? TOTAL, from, to);
    } else if (scope.routerId !== null) {
      // Only system admins read without a tenant; a router id names one tenant's router.
      rows = this.prepare<[number, number, number], PointRow>(`SELECT ${columns} FROM ${table} WHERE router_id = ? AND at >= ? AND at < ? ORDER BY at`).all(
        scope.routerId,
        from,
        to,
      );
    } else {
      rows = this.prepare<[number, number, number], PointRow>(
        `SELECT at, SUM(hotspot) AS hotspot, SUM(pppoe) AS pppoe, SUM(in_bps) AS in_bps, SUM(out_bps) AS out_bps, ${rounded('cpu')} AS cpu, ${rounded('memory')} AS memory
         FROM ${table} WHERE router_id = ? AND at >= ? AND at < ? GROUP BY at ORDER BY at`,
      ).all(TOTAL, from, to);
    }
    return rows.map(toPoint);
  }

  async rollUpHours(scopes: readonly HistoryScopeKey[], from: number, to: number): Promise<number> {
    // One series at a time through the primary key, so each statement reads only its own minutes.
    // The hour is inlined: a bound JS number is a REAL to SQLite, and `at / 3600000.0` would not truncate.
    const roll = this.prepare<[number, number, number, number]>(
      `INSERT OR REPLACE INTO dashboard_hours (tenant_id, router_id, at, hotspot, pppoe, in_bps, out_bps, cpu, memory)
       SELECT tenant_id, router_id, (at / ${HOUR}) * ${HOUR} AS hour, ${rounded('hotspot')}, ${rounded('pppoe')}, ${rounded('in_bps')}, ${rounded('out_bps')}, ${rounded('cpu')}, ${rounded('memory')}
       FROM dashboard_minutes WHERE tenant_id = ? AND router_id = ? AND at >= ? AND at < ? GROUP BY hour`,
    );
    let written = 0;
    for (const s of scopes) written += roll.run(s.tenantId, s.routerId ?? TOTAL, from, to).changes;
    return written;
  }

  async deleteBefore(resolution: HistoryResolution, before: number, limit: number): Promise<number> {
    const table = TABLE[resolution];
    return this.prepare<[number, number]>(
      `DELETE FROM ${table} WHERE (tenant_id, router_id, at) IN (SELECT tenant_id, router_id, at FROM ${table} WHERE at < ? LIMIT ?)`,
    ).run(before, limit).changes;
  }
}
