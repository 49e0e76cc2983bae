import type { BusinessTx } from '../business/business-tx';
import type { ActivityCell, ActivityReport, ActivitySeries, ReportRange, ReportTenant } from './contract';
import { bucketDates } from './report-calendar-contract';
import { bucketEdges } from './zoned-buckets';

const MEASURES = ['vouchersIssued', 'vouchersActivated', 'expiries', 'renewals', 'reconnections'] as const satisfies ReadonlyArray<keyof ActivityCell>;

export const emptyActivityCell = (): ActivityCell => ({ vouchersIssued: 0, vouchersActivated: 0, expiries: 0, renewals: 0, reconnections: 0 });

function addCell(into: ActivityCell, add: ActivityCell): void {
  for (const m of MEASURES) into[m] += add[m];
}

const emptySeries = (tenantId: number | null, label: string, buckets: number): ActivitySeries => ({
  tenantId,
  label,
  cells: Array.from({ length: buckets }, emptyActivityCell),
  total: emptyActivityCell(),
  activeSubscribers: 0,
});

/**
 * Vouchers issued (batches generated) and activated (first login: when a voucher is sold, in
 * effect); from subscribers' history their expiries, reconnections and renewals (a subscription
 * extended by a payment or renewed from the balance: the same moments that charge the plan's
 * price, free plans included), per bucket in each tenant's zone; the subscribers active now.
 * Counts add up across tenants, so several tenants also get their sum.
 */
export async function activityReport(tx: BusinessTx, tenants: readonly ReportTenant[], range: ReportRange): Promise<ActivityReport> {
  const buckets = bucketDates(range.from, range.to, range.granularity);
  const series: ActivitySeries[] = [];
  const sum = emptySeries(null, 'All tenants', buckets.length);
  for (const tenant of tenants) {
    const one = emptySeries(tenant.tenantId, tenant.name, buckets.length);
    for (const row of await tx.reports.activity(tenant.tenantId, bucketEdges(buckets, tenant.timeZone))) {
      const { bucket, ...cell } = row;
      for (const into of [one.cells[bucket]!, one.total, sum.cells[bucket]!, sum.total]) addCell(into, cell);
    }
    one.activeSubscribers = await tx.reports.activeSubscribers(tenant.tenantId);
    sum.activeSubscribers += one.activeSubscribers;
    series.push(one);
  }
  if (tenants.length > 1) series.push(sum);
  return { from: range.from, to: range.to, granularity: range.granularity, buckets, tenants: [...tenants], series, generatedAt: new Date().toISOString() };
}
