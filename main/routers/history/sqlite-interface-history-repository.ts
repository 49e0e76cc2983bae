import type { Db } from '../../store/database';
import { preparedStatements } from '../../store/prepared-statements';
import type { HistoryResolution } from '../../dashboard/history-contract';
import type { InterfaceCounters, InterfaceHistoryRepository, InterfaceHistoryRow, InterfaceMinuteRow } from './interface-history-repository';

const HOUR = 3_600_000;

interface PointRow {
  interface: string;
  at: number;
  rx_bps: number;
  tx_bps: number;
}

/** Per-interface traffic on SQLite, through the primary key (tenant, router, interface, minute). */
export class SqliteInterfaceHistoryRepository implements InterfaceHistoryRepository {
  private readonly prepare;

  constructor(private readonly db: Db) {
    this.prepare = preparedStatements(db);
  }

  async latest(tenantId: number, routerId: number, before: number): Promise<Map<string, InterfaceCounters>> {
    const rows = this.prepare<[number, number, number], { interface: string; at: number; rx_bytes: number; tx_bytes: number }>(
      `SELECT interface, MAX(at) AS at, rx_bytes, tx_bytes FROM router_interface_minutes
       WHERE tenant_id = ? AND router_id = ? AND at < ? GROUP BY interface`,
    ).all(tenantId, routerId, before);
    return new Map(rows.map((r) => [r.interface, { at: r.at, rxBytes: r.rx_bytes, txBytes: r.tx_bytes }]));
  }

  async write(rows: readonly InterfaceMinuteRow[]): Promise<void> {
    const insert = this.prepare(
      `INSERT OR REPLACE INTO router_interface_minutes (tenant_id, router_id, interface, at, rx_bytes, tx_bytes, rx_bps, tx_bps) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.tenantId, r.routerId, r.interface, r.at, r.rxBytes, r.txBytes, r.rxBps === null ? null : Math.round(r.rxBps), r.txBps === null ? null : Math.round(r.txBps));
    })();
  }

  async points(tenantId: number, routerId: number, resolution: HistoryResolution, from: number, to: number, iface?: string): Promise<InterfaceHistoryRow[]> {
    // The hour is inlined: a bound JS number is a REAL to SQLite, and the division would not truncate.
    const bucket = resolution === 'hour' ? `(at / ${HOUR}) * ${HOUR}` : 'at';
    const rows = this.prepare<[number, number, number, number, string | null, string | null], PointRow>(
      `SELECT interface, ${bucket} AS at, CAST(ROUND(AVG(rx_bps)) AS INTEGER) AS rx_bps, CAST(ROUND(AVG(tx_bps)) AS INTEGER) AS tx_bps
       FROM router_interface_minutes
       WHERE tenant_id = ? AND router_id = ? AND at >= ? AND at < ? AND rx_bps IS NOT NULL AND (? IS NULL OR interface = ?)
       GROUP BY interface, ${bucket} ORDER BY interface, at`,
    ).all(tenantId, routerId, from, to, iface ?? null, iface ?? null);
    return rows.map((r) => ({ interface: r.interface, at: r.at, rxBps: r.rx_bps, txBps: r.tx_bps }));
  }

  async deleteBefore(before: number, limit: number): Promise<number> {
    return this.prepare<[number, number]>(
      `DELETE FROM router_interface_minutes WHERE (tenant_id, router_id, interface, at) IN (SELECT tenant_id, router_id, interface, at FROM router_interface_minutes WHERE at < ? LIMIT ?)`,
    ).run(before, limit).changes;
  }
}
