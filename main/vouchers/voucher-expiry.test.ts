import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForEvent } from '../events/wait-for-event';
import type { JobBatch, JobEventItem } from '../jobs/contract';
import type { VoucherBatchSummary } from './contract';
import { reachedLimit, SHEET_KEEP_MS, sheetsDir, sweepVouchers, type ExpirySweep } from './voucher-expiry';
import { type hotspotPlan, voucherFixture, type VoucherFixture } from './voucher-fixture';

describe('the minute’s voucher sweep: expired, used up, old sheets gone', () => {
  let f: VoucherFixture;
  afterEach(() => f.dispose());

  const pushedBatch = async (count: number, plan: Parameters<typeof hotspotPlan>[1] = {}) => (await f.pushedBatch(count, plan)).codes;
  const activate = (code: string) => f.activate(code);
  const states = async () => (await f.call('vouchers.list', { batchId: 1 })).vouchers.map((v) => v.state);

  it('expires active vouchers once their validity has run out, and leaves the others', async () => {
    f = await voucherFixture();
    const [first] = await pushedBatch(3);
    await activate(first!);
    expect(await sweepVouchers(f.core.services)).toMatchObject({ expiredBatches: 0 });
    expect(await states()).toEqual(['active', 'unused', 'unused']);

    const updated = waitForEvent(f.core.services.bus, 'tenant.1.vouchers', (e) => e.name === 'VoucherBatchUpdated' && (e.payload as VoucherBatchSummary).counts.expired === 1);
    expect(await sweepVouchers(f.core.services, Date.now() + 86_400_000 + 1000)).toMatchObject({ expiredBatches: 1 });
    await updated;
    expect(await states()).toEqual(['expired', 'unused', 'unused']);
  });

  it('marks used up the vouchers whose online time reached the plan’s limit on the router (the scheduled job)', async () => {
    f = await voucherFixture();
    const [spent, fresh] = await pushedBatch(3, { dataLimitBytes: null });
    await activate(spent!);
    await activate(fresh!);
    // An hour online on the router for one of them (the router ends its session at the limit).
    f.sims[0]!.model.removeHotspotSession(f.sims[0]!.model.hotspotSessionIds().find((id) => f.sims[0]!.model.get('/ip/hotspot/active', id)?.user === fresh)!);
    f.sims[0]!.model.tick(3_600_000 + 1000);
    expect(f.sims[0]!.model.get('/ip/hotspot/user', spent!)).toMatchObject({ uptime: '1h', 'limit-uptime': '1h' });

    const swept = waitForEvent(f.core.services.bus, 'system.jobs', (e) => e.name === 'JobProcessed' && (e.payload as JobBatch<JobEventItem>).items.some((j) => j.name === 'vouchers.expire'));
    f.core.services.jobs.enqueue('vouchers.expire', {});
    const result = (swept.then((e) => (e.payload as JobBatch<JobEventItem & { result?: unknown }>).items.find((j) => j.name === 'vouchers.expire')!.result)) as Promise<ExpirySweep>;
    expect(await result).toMatchObject({ usedUp: 1, routersUnread: 0 });
    expect(await states()).toEqual(['used-up', 'active', 'unused']);
  });

  it('deletes rendered sheets older than a day, their rows and files, and keeps newer ones', async () => {
    f = await voucherFixture();
    await pushedBatch(1);
    const dir = sheetsDir(f.core.dataDir);
    mkdirSync(dir, { recursive: true });
    const now = Date.now();
    const old = join(dir, '7.pdf');
    const fresh = join(dir, '8.pdf');
    writeFileSync(old, 'old');
    writeFileSync(fresh, 'fresh');
    utimesSync(old, new Date(now - SHEET_KEEP_MS - 60_000), new Date(now - SHEET_KEEP_MS - 60_000));
    await f.core.services.business.run(async (tx) => {
      await tx.vouchers.insertSheet({ jobId: 7, tenantId: 1, batchId: 1, fileName: 'a.pdf', path: old, bytes: 3 }, now - SHEET_KEEP_MS - 60_000);
      await tx.vouchers.insertSheet({ jobId: 8, tenantId: 1, batchId: 1, fileName: 'b.pdf', path: fresh, bytes: 5 }, now);
    });
    expect(await sweepVouchers(f.core.services, now)).toMatchObject({ sheetsDeleted: 1 });
    expect([existsSync(old), existsSync(fresh)]).toEqual([false, true]);
    expect(await f.core.services.business.read(async (tx) => [await tx.vouchers.sheet(1, 7), (await tx.vouchers.sheet(1, 8))?.fileName])).toEqual([null, 'b.pdf']);
  });
});

describe('a hotspot user past its limits', () => {
  it('is read from the router’s own counters; 0 or absent is no limit', () => {
    expect(reachedLimit({ name: 'A', uptime: '1h', 'limit-uptime': '1h' })).toBe(true);
    expect(reachedLimit({ name: 'A', uptime: '59m59s', 'limit-uptime': '1h' })).toBe(false);
    expect(reachedLimit({ name: 'A', uptime: '3d', 'limit-uptime': '0s' })).toBe(false);
    expect(reachedLimit({ name: 'A', 'bytes-in': '400', 'bytes-out': '600', 'limit-bytes-total': '1000' })).toBe(true);
    expect(reachedLimit({ name: 'A', 'bytes-in': '400', 'bytes-out': '599', 'limit-bytes-total': '1000' })).toBe(false);
    expect(reachedLimit({ name: 'A', 'bytes-in': '9999999', 'bytes-out': '1', 'limit-bytes-total': '0' })).toBe(false);
  });
});
