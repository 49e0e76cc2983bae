import type { HistoryResolution } from '../../dashboard/history-contract';

/** One interface's counters read at one minute, and the rate since the reading before (null: none usable). */
export interface InterfaceMinuteRow {
  tenantId: number;
  routerId: number;
  interface: string;
  /** The minute's start, ms since epoch. */
  at: number;
  rxBytes: number;
  txBytes: number;
  rxBps: number | null;
  txBps: number | null;
}

export interface InterfaceCounters {
  at: number;
  rxBytes: number;
  txBytes: number;
}

export interface InterfaceHistoryRow {
  interface: string;
  at: number;
  rxBps: number;
  txBps: number;
}

/** Per-interface traffic history of routers; every call names the router's tenant. */
export interface InterfaceHistoryRepository {
  /** Each interface's newest reading before `before` (the minute being written is not its own previous). */
  latest(tenantId: number, routerId: number, before: number): Promise<Map<string, InterfaceCounters>>;
  /** Writes minutes; a minute already written is replaced. */
  write(rows: readonly InterfaceMinuteRow[]): Promise<void>;
  /** Points with a rate in [from, to), oldest first; `hour` averages the minutes of each hour. */
  points(tenantId: number, routerId: number, resolution: HistoryResolution, from: number, to: number, iface?: string): Promise<InterfaceHistoryRow[]>;
  /** Deletes up to `limit` minutes older than `before`; how many went. */
  deleteBefore(before: number, limit: number): Promise<number>;
}
