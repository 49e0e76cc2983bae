import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BusinessStore } from '../business/business-tx';
import { HISTORY_KEEP_DAYS, type HistoryResolution } from './history-contract';
import type { HistoryRow, HistoryScopeKey } from './history-repository';
import type { RouterFigures } from './dashboard-stats';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Hours rolled again on each run: a late minute (or a run missed while the console was off) still lands. */
const HOURS_BACK = 2;
/** Rows per DELETE, so a week of backlog never holds the main thread for long. */
const PRUNE_BATCH = 2_000;
/** Series rolled per transaction (each a few hundred minutes): the main thread serves in between. */
const ROLL_BATCH = 100;

/** A router's CPU counts only while it answers: an offline router's last reading is stale. */
const cpuOf = (r: RouterFigures): number | null => (r.status.state === 'online' || r.status.state === 'degraded' ? (r.status.cpuLoad ?? null) : null);

/** Memory likewise (percent used, as the resource poll reports it). */
const memoryOf = (r: RouterFigures): number | null => (r.status.state === 'online' || r.status.state === 'degraded' ? (r.status.memoryUsedPercent ?? null) : null);

const average = (values: readonly number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Pure: one minute's rows from the live figures, a row per router and a total per tenant. */
export function minuteRows(figures: readonly RouterFigures[], at: number): HistoryRow[] {
  const bucket = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  const rows: HistoryRow[] = [];
  const byTenant = new Map<number, RouterFigures[]>();
  for (const r of figures) {
    rows.push({ tenantId: r.tenantId, routerId: r.id, at: bucket, hotspot: r.hotspot, pppoe: r.pppoe, inBps: r.inBps, outBps: r.outBps, cpu: cpuOf(r), memory: memoryOf(r) });
    byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r]);
  }
  for (const [tenantId, own] of byTenant) {
    const sum = (pick: (r: RouterFigures) => number) => own.reduce((n, r) => n + pick(r), 0);
    const cpus = own.map(cpuOf).filter((c): c is number => c !== null);
    const memories = own.map(memoryOf).filter((c): c is number => c !== null);
    rows.push({ tenantId, routerId: null, at: bucket, hotspot: sum((r) => r.hotspot), pppoe: sum((r) => r.pppoe), inBps: sum((r) => r.inBps), outBps: sum((r) => r.outBps), cpu: average(cpus), memory: average(memories) });
  }
  return rows;
}

/** Writes this minute's rollup (a re-run in the same minute replaces it); how many rows. */
export async function writeMinute(business: BusinessStore, figures: readonly RouterFigures[], now: number): Promise<{ rows: number }> {
  const rows = minuteRows(figures, now);
  if (rows.length) await business.run((tx) => tx.dashboardHistory.write('minute', rows));
  return { rows: rows.length };
}

async function prune(business: BusinessStore, resolution: HistoryResolution, before: number, signal: AbortSignal): Promise<number> {
  let total = 0;
  for (;;) {
    signal.throwIfAborted();
    const removed = await business.run((tx) => tx.dashboardHistory.deleteBefore(resolution, before, PRUNE_BATCH));
    total += removed;
    if (removed < PRUNE_BATCH) return total;
    await nextTurn();
  }
}

/** The series the live figures have: each router's and each of their tenants' totals. */
export function seriesOf(figures: readonly RouterFigures[]): HistoryScopeKey[] {
  const tenants = new Set(figures.map((r) => r.tenantId));
  return [...figures.map((r) => ({ tenantId: r.tenantId, routerId: r.id })), ...[...tenants].map((tenantId) => ({ tenantId, routerId: null }))];
}

/**
 * Rolls the recent minutes of these series into hours (the current hour too, rewritten as it
 * fills), in small batches, then drops minutes past 7 days and hours past 90 days.
 */
export async function rollUpAndPrune(
  business: BusinessStore,
  series: readonly HistoryScopeKey[],
  now: number,
  signal: AbortSignal,
): Promise<{ hours: number; minutesPruned: number; hoursPruned: number }> {
  const from = (Math.floor(now / HOUR_MS) - HOURS_BACK) * HOUR_MS;
  let hours = 0;
  for (let i = 0; i < series.length; i += ROLL_BATCH) {
    signal.throwIfAborted();
    const batch = series.slice(i, i + ROLL_BATCH);
    hours += await business.run((tx) => tx.dashboardHistory.rollUpHours(batch, from, now + 1));
    await nextTurn();
  }
  return {
    hours,
    minutesPruned: await prune(business, 'minute', now - HISTORY_KEEP_DAYS.minute * DAY_MS, signal),
    hoursPruned: await prune(business, 'hour', now - HISTORY_KEEP_DAYS.hour * DAY_MS, signal),
  };
}
