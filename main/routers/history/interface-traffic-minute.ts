import { setImmediate as nextTurn } from 'node:timers/promises';
import type { BusinessStore } from '../../business/business-tx';
import { HISTORY_KEEP_DAYS } from '../../dashboard/history-contract';
import type { MenuOp, MenuOpResult } from '../io/shard-protocol';
import type { InterfaceCounters, InterfaceMinuteRow } from './interface-history-repository';

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Routers read at once: each is one pipelined print on its own connection, in its shard. */
const READ_CONCURRENCY = 16;
const PRUNE_BATCH = 2_000;
/** A previous reading older than this is not this minute's neighbour (the console was off): no rate. */
const MAX_GAP_MS = 10 * MINUTE_MS;

const COUNTERS: MenuOp = { verb: 'print', path: '/interface', proplist: ['name', 'rx-byte', 'tx-byte'] };

export interface CounterReading {
  name: string;
  rxBytes: number;
  txBytes: number;
}

/** A router to read: online now, with its tenant. */
export interface CounterSource {
  id: number;
  tenantId: number;
}

/**
 * Pure: this minute's rows of one router from its counters and the readings before. The rate is
 * the bytes since the previous reading over the time between (bits per second); none on a first
 * reading, after a long gap, or when a counter went back (reboot, reset).
 */
export function interfaceMinuteRows(source: CounterSource, readings: readonly CounterReading[], previous: ReadonlyMap<string, InterfaceCounters>, at: number): InterfaceMinuteRow[] {
  const bucket = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  return readings.map((r) => {
    const before = previous.get(r.name);
    const seconds = before ? (bucket - before.at) / 1000 : 0;
    const usable = before !== undefined && seconds > 0 && seconds * 1000 <= MAX_GAP_MS && r.rxBytes >= before.rxBytes && r.txBytes >= before.txBytes;
    return {
      tenantId: source.tenantId,
      routerId: source.id,
      interface: r.name,
      at: bucket,
      rxBytes: r.rxBytes,
      txBytes: r.txBytes,
      rxBps: usable ? ((r.rxBytes - before.rxBytes) * 8) / seconds : null,
      txBps: usable ? ((r.txBytes - before.txBytes) * 8) / seconds : null,
    };
  });
}

const counter = (value: string | undefined) => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

/** The counters of one print (rows without both counters are left out). */
export function readingsOf(result: MenuOpResult | undefined): CounterReading[] {
  if (!result?.ok) return [];
  const readings: CounterReading[] = [];
  for (const row of result.rows) {
    const rx = counter(row['rx-byte']);
    const tx = counter(row['tx-byte']);
    if (row.name && rx !== null && tx !== null) readings.push({ name: row.name, rxBytes: rx, txBytes: tx });
  }
  return readings;
}

/**
 * Every minute: reads each online router's interface byte counters, stores a row per interface
 * with the rate since the last minute, and drops minutes past 7 days. A router that does not
 * answer is skipped (its chart shows a gap), the others are still written.
 */
export async function writeInterfaceMinute(
  business: BusinessStore,
  routers: readonly CounterSource[],
  read: (routerId: number, ops: MenuOp[]) => Promise<MenuOpResult[]>,
  now: number,
  signal: AbortSignal,
): Promise<{ routers: number; rows: number; failed: number; pruned: number }> {
  let rows = 0;
  let failed = 0;
  let written = 0;
  for (let i = 0; i < routers.length; i += READ_CONCURRENCY) {
    signal.throwIfAborted();
    const batch = routers.slice(i, i + READ_CONCURRENCY);
    const reads = await Promise.allSettled(batch.map((r) => read(r.id, [COUNTERS])));
    await business.run(async (tx) => {
      for (const [index, outcome] of reads.entries()) {
        const source = batch[index]!;
        if (outcome.status === 'rejected') {
          failed += 1;
          continue;
        }
        const readings = readingsOf(outcome.value[0]);
        const previous = await tx.interfaceHistory.latest(source.tenantId, source.id, Math.floor(now / MINUTE_MS) * MINUTE_MS);
        const minute = interfaceMinuteRows(source, readings, previous, now);
        await tx.interfaceHistory.write(minute);
        rows += minute.length;
        written += 1;
      }
    });
  }
  let pruned = 0;
  for (;;) {
    signal.throwIfAborted();
    const removed = await business.run((tx) => tx.interfaceHistory.deleteBefore(now - HISTORY_KEEP_DAYS.minute * DAY_MS, PRUNE_BATCH));
    pruned += removed;
    if (removed < PRUNE_BATCH) break;
    await nextTurn();
  }
  return { routers: written, rows, failed, pruned };
}
