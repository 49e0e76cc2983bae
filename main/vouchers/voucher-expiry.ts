import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { routerMenu } from '../plans/plan-sync';
import { RouterUnavailableError } from '../provisioning/router-unavailable';
import { parseDuration, parseNumber } from '../routers/client/values';
import { publishBatches } from './batch-updates';
import { HOTSPOT_USERS, routerComment } from './voucher-push';
import type { LimitedActiveVouchers } from './voucher-repository';
import { queueRouterExpiries } from './voucher-router-expiry';
import type { VoucherServices } from './voucher-services';


/** Rendered sheets are kept this long: long enough to save or print, not forever (they hold codes). */
export const SHEET_KEEP_MS = 24 * 60 * 60 * 1000;

export const sheetsDir = (dataDir: string): string => join(dataDir, 'exports', 'sheets');

/** What one sweep changed, in counts. */
export interface ExpirySweep {
  expiredBatches: number;
  usedUp: number;
  routersUnread: number;
  /** Jobs queued to apply the spent vouchers' expiry on their routers (one per online router with some due). */
  routerJobs: number;
  sheetsDeleted: number;
}

/** A hotspot user that reached its `limit-uptime` or `limit-bytes-total` (0 or absent: no limit). */
export function reachedLimit(user: Record<string, string>): boolean {
  const limitUptime = parseDuration(user['limit-uptime']) ?? 0;
  if (limitUptime > 0 && (parseDuration(user.uptime) ?? 0) >= limitUptime) return true;
  const limitBytes = parseNumber(user['limit-bytes-total']) ?? 0;
  return limitBytes > 0 && (parseNumber(user['bytes-in']) ?? 0) + (parseNumber(user['bytes-out']) ?? 0) >= limitBytes;
}

/**
 * Reads the counters of the batches' users on each router that holds active vouchers with
 * limits (outside any unit of work), and marks those past a limit used up. A router that is
 * offline is read by a later sweep.
 */
async function markUsedUp(services: VoucherServices): Promise<{ usedUp: number; routersUnread: number }> {
  const holders = await services.business.read((tx) => tx.vouchers.limitedActive());
  const byRouter = new Map<number, LimitedActiveVouchers[]>();
  for (const h of holders) byRouter.set(h.routerId, [...(byRouter.get(h.routerId) ?? []), h]);
  let usedUp = 0;
  let routersUnread = 0;
  for (const [routerId, batches] of byRouter) {
    const proplist = ['name', 'uptime', 'bytes-in', 'bytes-out', 'limit-uptime', 'limit-bytes-total'];
    let results;
    try {
      results = await routerMenu(services, routerId, batches.map((b) => ({ verb: 'print', path: HOTSPOT_USERS, proplist, query: [`?comment=${routerComment(b.batchId, b.batchComment)}`] })));
    } catch (error) {
      if (!(error instanceof RouterUnavailableError)) throw error;
      routersUnread += 1;
      continue;
    }
    const spent = batches.map((b, i) => {
      const result = results[i]!;
      if (!result.ok) services.log.warn('a router would not list voucher users', { routerId, batchId: b.batchId, tenantId: b.tenantId, error: result.message });
      return { batchId: b.batchId, codes: result.ok ? result.rows.filter(reachedLimit).flatMap((row) => (row.name === undefined ? [] : [row.name])) : [] };
    });
    usedUp += await services.business.run(async (tx) => {
      let changed = 0;
      const touched: number[] = [];
      for (const { batchId, codes } of spent) {
        const n = await tx.vouchers.markUsedUp(batchId, codes);
        if (n > 0) touched.push(batchId);
        changed += n;
      }
      await publishBatches(tx, services.bus, touched);
      return changed;
    });
  }
  return { usedUp, routersUnread };
}

/** Deletes rendered sheets older than SHEET_KEEP_MS: their rows, and their files (by age, so a file whose row never got written goes too). */
async function deleteOldSheets(services: VoucherServices, now: number): Promise<number> {
  const cutoff = now - SHEET_KEEP_MS;
  await services.business.run((tx) => tx.vouchers.deleteSheetsBefore(cutoff));
  const dir = sheetsDir(services.dataDir);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  let deleted = 0;
  for (const name of names) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= cutoff) continue;
    // Gone already (two sweeps, or deleted by hand) is as good as deleted now.
    if (await unlink(file).then(() => true, () => false)) deleted += 1;
  }
  return deleted;
}

/**
 * The minute's sweep: active vouchers past their validity expire, those past their plan's limits
 * on the router are used up, and old rendered sheets go. Spending a voucher queues its plan's
 * expiry behaviour on each router of its batch; the sweep then queues one job per online router
 * with some due (voucher-router-expiry.ts does the router's part, outside this unit of work).
 */
export async function sweepVouchers(services: VoucherServices, now = Date.now()): Promise<ExpirySweep> {
  const expiredBatches = await services.business.run(async (tx) => {
    const batches = await tx.vouchers.expireDue(now);
    await publishBatches(tx, services.bus, batches);
    return batches.length;
  });
  const { usedUp, routersUnread } = await markUsedUp(services);
  const routerJobs = await services.business.run((tx) => queueRouterExpiries(tx, services, now));
  const sheetsDeleted = await deleteOldSheets(services, now);
  return { expiredBatches, usedUp, routersUnread, routerJobs, sheetsDeleted };
}
