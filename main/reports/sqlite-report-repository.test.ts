import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusinessTx } from '../business/business-tx';
import { startTestCore, type TestCore } from '../core/test-core';
import type { ReportGroup } from './contract';
import { bucketDates } from './report-calendar-contract';
import { seedReportTenants, type ReportSeed } from './report-fixture';
import type { AmountRow } from './report-repository';
import { reportSql } from './sqlite-report-repository';
import { bucketEdges } from './zoned-buckets';

/** Nairobi days 30 Nov – 2 Dec 2026 (report-fixture.ts says what happened on each). */
const DAYS = bucketEdges(bucketDates('2026-11-30', '2026-12-02', 'day'), 'Africa/Nairobi');

const byGroup = (rows: AmountRow[]) => {
  const out: Record<string, [number, number]> = {};
  for (const r of rows) {
    const key = r.groupKey ?? 'none';
    const [amount, count] = out[key] ?? [0, 0];
    out[key] = [amount + r.amountMinor, count + r.count];
  }
  return out;
};
const byBucket = (rows: AmountRow[]) => rows.map((r) => [r.bucket, r.amountMinor, r.count]);

describe('report repository on a real SQLite file: sums per bucket in the store', () => {
  let core: TestCore;
  let seed: ReportSeed;
  const read = <T>(work: (tx: BusinessTx) => Promise<T>) => core.services.business.read(work);

  beforeAll(async () => {
    core = await startTestCore();
    seed = await seedReportTenants(core.services);
  });
  afterAll(() => core.dispose());

  it('sums payments by the local day they were received, whatever their state now', async () => {
    const rows = await read((tx) => tx.reports.received(1, DAYS, 'none'));
    expect(byBucket(rows)).toEqual([
      [0, 150_000, 1],
      [1, 177_000, 3], // P2 at 00:10 Nairobi is 30 Nov in UTC, and counts on 1 Dec
      [2, 3_000, 1],
    ]);
    expect(rows.every((r) => r.currency === 'KES' && r.groupKey === 'total')).toBe(true);
  });

  it('takes reversals off on their own day; one reversed before anyone assigned it on the day it came', async () => {
    const rows = await read((tx) => tx.reports.reversed(1, DAYS, 'none'));
    expect(byBucket(rows)).toEqual([[2, 153_000, 2]]);
  });

  it('values activated vouchers at their plan’s price on the day of activation', async () => {
    const rows = await read((tx) => tx.reports.voucherSales(1, DAYS, 'none'));
    expect(byBucket(rows)).toEqual([
      [1, 5_000, 1],
      [2, 5_000, 1],
    ]);
  });

  it('groups payments by the plan their charge bought, else the subscriber’s plan; unmatched ones by none', async () => {
    const received = byGroup(await read((tx) => tx.reports.received(1, DAYS, 'plan')));
    expect(received).toEqual({ [`plan:${seed.plans.fibre10}`]: [300_000, 2], [`plan:${seed.plans.fibre5}`]: [20_000, 1], none: [10_000, 2] });
    expect(byGroup(await read((tx) => tx.reports.reversed(1, DAYS, 'plan')))).toEqual({ [`plan:${seed.plans.fibre10}`]: [150_000, 1], none: [3_000, 1] });
    const vouchers = await read((tx) => tx.reports.voucherSales(1, DAYS, 'plan'));
    expect(byGroup(vouchers)).toEqual({ [`plan:${seed.plans.daily}`]: [10_000, 2] });
    expect(vouchers[0]!.groupLabel).toBe('Daily');
  });

  it('groups by the subscriber’s first router, and vouchers by the router they were used on', async () => {
    const { r1, r2 } = seed.routers;
    const received = await read((tx) => tx.reports.received(1, DAYS, 'router'));
    expect(byGroup(received)).toEqual({ [`router:${r1}`]: [170_000, 2], none: [160_000, 3] });
    expect(received.find((r) => r.groupKey === `router:${r1}`)!.groupLabel).toBe('hq-1');
    expect(byGroup(await read((tx) => tx.reports.voucherSales(1, DAYS, 'router')))).toEqual({ [`router:${r1}`]: [5_000, 1], [`router:${r2}`]: [5_000, 1] });
  });

  it('groups by who recorded the payment (webhooks: nobody), vouchers by who generated their batch', async () => {
    expect(byGroup(await read((tx) => tx.reports.received(1, DAYS, 'operator')))).toEqual({
      'operator:kamau': [150_000, 1],
      'operator:mary@alpha.example': [150_000, 1],
      none: [30_000, 3],
    });
    expect(byGroup(await read((tx) => tx.reports.voucherSales(1, DAYS, 'operator')))).toEqual({ 'operator:seller': [10_000, 2] });
  });

  it('counts vouchers issued and activated, expiries, renewals and reconnections per day, and who is active now', async () => {
    expect(await read((tx) => tx.reports.activity(1, DAYS))).toEqual([
      { bucket: 0, vouchersIssued: 3, vouchersActivated: 0, expiries: 0, renewals: 1, reconnections: 0 },
      { bucket: 1, vouchersIssued: 0, vouchersActivated: 1, expiries: 1, renewals: 0, reconnections: 0 },
      { bucket: 2, vouchersIssued: 0, vouchersActivated: 1, expiries: 0, renewals: 1, reconnections: 1 },
    ]);
    expect(await read((tx) => tx.reports.activeSubscribers(1))).toBe(1);
  });

  it('keeps tenants apart: tenant 2 sees only its own euros, bucketed in Berlin across the long October day', async () => {
    for (const groupBy of ['none', 'plan', 'router', 'operator'] as ReportGroup[]) {
      const rows = await read((tx) => tx.reports.received(2, DAYS, groupBy));
      expect(rows.every((r) => r.currency === 'EUR')).toBe(true);
    }
    const berlinDays = bucketEdges(bucketDates('2026-10-24', '2026-10-26', 'day'), 'Europe/Berlin');
    expect(byBucket(await read((tx) => tx.reports.received(2, berlinDays, 'none')))).toEqual([[1, 500, 1]]);
    expect(await read((tx) => tx.reports.received(1, berlinDays, 'none'))).toEqual([]);
    expect(await read((tx) => tx.reports.activity(2, DAYS))).toEqual(DAYS.slice(1).map((_, bucket) => ({ bucket, vouchersIssued: 0, vouchersActivated: 0, expiries: 0, renewals: 0, reconnections: 0 })));
    expect(await read((tx) => tx.reports.tenants())).toEqual([
      { id: 1, name: 'Alpha Net' },
      { id: 2, name: 'Bravo Net' },
    ]);
  });

  it('reads each bucket through a time index, not a scan of the tenant’s rows', () => {
    const plan = (sql: string) =>
      core.db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ tenant: 1, buckets: '[[0,1]]' })
        .map((r) => (r as { detail: string }).detail)
        .join('\n');
    for (const groupBy of ['none', 'plan', 'router', 'operator'] as ReportGroup[]) {
      expect(plan(reportSql.received(groupBy))).toMatch(/SEARCH p USING (COVERING )?INDEX \S+ \(tenant_id=\? AND received_at>\? AND received_at<\?\)/);
      expect(plan(reportSql.reversed(groupBy))).toMatch(/SEARCH r USING (COVERING )?INDEX \S+ \(tenant_id=\? AND at>\? AND at<\?\)/);
      expect(plan(reportSql.voucherSales(groupBy))).toMatch(/SEARCH v USING (COVERING )?INDEX vouchers_by_activation \(tenant_id=\? AND activated_at>\? AND activated_at<\?\)/);
    }
    const activity = plan(reportSql.activity());
    expect(activity).toMatch(/SEARCH subscriber_history USING (COVERING )?INDEX subscriber_history_by_kind/);
    expect(activity).toMatch(/SEARCH voucher_batches USING INDEX voucher_batches_by_time/);
    expect(activity).not.toMatch(/SCAN (subscriber_history|vouchers|voucher_batches|payments|ledger_entries)/);
  });
});
