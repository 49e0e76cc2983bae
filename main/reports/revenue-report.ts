import type { BusinessTx } from '../business/business-tx';
import { maskIdentifier } from '../events/mask';
import type { ReportGroup, ReportTenant, RevenueCell, RevenueReport, RevenueSeries } from './contract';
import { bucketDates, type Granularity } from './report-calendar-contract';
import type { AmountRow } from './report-repository';
import { bucketEdges } from './zoned-buckets';

export interface RevenueRequest {
  from: string;
  to: string;
  granularity: Granularity;
  groupBy: ReportGroup;
}

export const emptyRevenueCell = (): RevenueCell => ({ receivedMinor: 0, reversedMinor: 0, netMinor: 0, voucherMinor: 0, totalMinor: 0, payments: 0, vouchers: 0 });

function addCell(into: RevenueCell, add: RevenueCell): void {
  into.receivedMinor += add.receivedMinor;
  into.reversedMinor += add.reversedMinor;
  into.voucherMinor += add.voucherMinor;
  into.payments += add.payments;
  into.vouchers += add.vouchers;
  into.netMinor = into.receivedMinor - into.reversedMinor;
  into.totalMinor = into.netMinor + into.voucherMinor;
}

type Source = 'received' | 'reversed' | 'voucher';

const NONE_LABEL: Record<Exclude<ReportGroup, 'none'>, Record<Source, string>> = {
  plan: { received: 'No plan (unmatched payments)', reversed: 'No plan (unmatched payments)', voucher: 'No plan' },
  router: { received: 'No router', reversed: 'No router', voucher: 'No router' },
  operator: { received: 'Provider webhooks', reversed: 'Provider webhooks', voucher: 'Vouchers (seller unknown)' },
};
const GONE_LABEL: Record<Exclude<ReportGroup, 'none'>, string> = { plan: 'Plan {id} (deleted)', router: 'Router {id} (removed)', operator: '{id}' };

/** A row's group as the report names it; null keys and deleted plans or routers get words, viewers masked staff. */
function groupOf(row: AmountRow, groupBy: ReportGroup, source: Source, showStaff: boolean): { key: string; label: string } {
  if (groupBy === 'none') return { key: 'total', label: 'Total' };
  if (row.groupKey === null) return { key: `${groupBy}:none:${source === 'voucher' ? 'voucher' : 'payment'}`, label: NONE_LABEL[groupBy][source] };
  const id = row.groupKey.slice(groupBy.length + 1);
  if (groupBy === 'operator' && !showStaff) return { key: `operator:${maskIdentifier(id)}`, label: maskIdentifier(id) };
  return { key: row.groupKey, label: row.groupLabel ?? GONE_LABEL[groupBy].replace('{id}', id) };
}

const cellOf = (row: AmountRow, source: Source): RevenueCell => {
  const cell = emptyRevenueCell();
  if (source === 'received') Object.assign(cell, { receivedMinor: row.amountMinor, payments: row.count });
  else if (source === 'reversed') cell.reversedMinor = row.amountMinor;
  else Object.assign(cell, { voucherMinor: row.amountMinor, vouchers: row.count });
  return cell;
};

/** Series keyed by tenant, group and currency, built up cell by cell. */
class SeriesTable {
  private readonly byKey = new Map<string, RevenueSeries>();
  constructor(private readonly bucketCount: number) {}

  add(tenantId: number | null, key: string, label: string, currency: string, bucket: number, cell: RevenueCell): void {
    const id = `${tenantId}|${key}|${currency}`;
    let series = this.byKey.get(id);
    if (!series) {
      series = { tenantId, key, label, currency, cells: Array.from({ length: this.bucketCount }, emptyRevenueCell), total: emptyRevenueCell() };
      this.byKey.set(id, series);
    }
    addCell(series.cells[bucket]!, cell);
    addCell(series.total, cell);
  }

  list(): RevenueSeries[] {
    return [...this.byKey.values()];
  }
}

const biggestFirst = (a: RevenueSeries, b: RevenueSeries) =>
  (a.tenantId ?? Infinity) - (b.tenantId ?? Infinity) || a.currency.localeCompare(b.currency) || b.total.totalMinor - a.total.totalMinor || a.label.localeCompare(b.label);

/**
 * Revenue of the tenants over the range: each tenant's buckets cut in its own time zone (a day is
 * the tenant's day), summed in the store, merged here per group and currency. Totals per tenant
 * and currency; with several tenants the sum per currency, never across currencies.
 */
export async function revenueReport(tx: BusinessTx, tenants: readonly ReportTenant[], request: RevenueRequest, showStaff: boolean): Promise<RevenueReport> {
  const buckets = bucketDates(request.from, request.to, request.granularity);
  const series = new SeriesTable(buckets.length);
  const totals = new SeriesTable(buckets.length);
  const sums = new SeriesTable(buckets.length);
  for (const tenant of tenants) {
    // Every tenant shows its own currency even with nothing received.
    totals.add(tenant.tenantId, 'total', 'Total', tenant.currency, 0, emptyRevenueCell());
    if (request.groupBy === 'none') series.add(tenant.tenantId, 'total', 'Total', tenant.currency, 0, emptyRevenueCell());
    const edges = bucketEdges(buckets, tenant.timeZone);
    const sources: Array<[Source, AmountRow[]]> = [
      ['received', await tx.reports.received(tenant.tenantId, edges, request.groupBy)],
      ['reversed', await tx.reports.reversed(tenant.tenantId, edges, request.groupBy)],
      ['voucher', await tx.reports.voucherSales(tenant.tenantId, edges, request.groupBy)],
    ];
    for (const [source, rows] of sources) {
      for (const row of rows) {
        const group = groupOf(row, request.groupBy, source, showStaff);
        const cell = cellOf(row, source);
        series.add(tenant.tenantId, group.key, group.label, row.currency, row.bucket, cell);
        totals.add(tenant.tenantId, 'total', 'Total', row.currency, row.bucket, cell);
        sums.add(null, 'total', `All tenants (${row.currency})`, row.currency, row.bucket, cell);
      }
    }
  }
  const allTotals = totals.list();
  if (tenants.length > 1) {
    for (const t of tenants) sums.add(null, 'total', `All tenants (${t.currency})`, t.currency, 0, emptyRevenueCell());
    allTotals.push(...sums.list());
  }
  return {
    from: request.from,
    to: request.to,
    granularity: request.granularity,
    groupBy: request.groupBy,
    buckets,
    tenants: [...tenants],
    series: series.list().sort(biggestFirst),
    totals: allTotals.sort(biggestFirst),
    generatedAt: new Date().toISOString(),
  };
}
