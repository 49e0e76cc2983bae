import type { HistoryPoint, HistoryResolution } from './history-contract';

/** One bucket of one scope: a router's figures, or (routerId null) its tenant's total. */
export interface HistoryRow {
  tenantId: number;
  routerId: number | null;
  /** The bucket's start, ms since epoch (a whole minute or hour, UTC). */
  at: number;
  hotspot: number;
  pppoe: number;
  inBps: number;
  outBps: number;
  cpu: number | null;
  /** Memory used, percent (a router's; the tenant's average); absent in rows written before it was kept. */
  memory?: number | null;
}

/** Which history to read: a tenant's total, one router's, or (tenantId null, no router) all tenants summed. */
export interface HistoryScope {
  tenantId: number | null;
  routerId: number | null;
}

/** One stored series: a router's, or (routerId null) its tenant's total. */
export interface HistoryScopeKey {
  tenantId: number;
  routerId: number | null;
}

/** The dashboard's persisted history: minute rollups, hourly rollups, and their pruning. */
export interface HistoryRepository {
  /** Writes rows of one resolution; a row for a bucket already written replaces it. */
  write(resolution: HistoryResolution, rows: readonly HistoryRow[]): Promise<void>;
  /** Points of a scope in [from, to), oldest first. */
  points(resolution: HistoryResolution, scope: HistoryScope, from: number, to: number): Promise<HistoryPoint[]>;
  /** Averages the scopes' minutes of [from, to) into hour rows (replacing those hours); how many hour rows were written. */
  rollUpHours(scopes: readonly HistoryScopeKey[], from: number, to: number): Promise<number>;
  /** Deletes up to `limit` rows of a resolution older than `before`; how many went. */
  deleteBefore(resolution: HistoryResolution, before: number, limit: number): Promise<number>;
}
