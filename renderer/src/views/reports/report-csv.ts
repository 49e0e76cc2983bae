import type { ActivityCell, ActivityReport, RevenueCell, RevenueReport } from '../../../../main/reports/contract';
import { bucketLabel, type ReportBucket } from '../../../../main/reports/report-calendar-contract';
import type { CsvColumn } from '../../components/export-csv-button';
import { amountInputOf } from '../plans/amount-input';

/**
 * An amount for spreadsheets: major units with a point, exact from the minor units (KES 150050 →
 * "1500.50"), whatever the screen's locale; the currency has its own column.
 */
export const csvAmount = (minor: number, currency: string): string => `${minor < 0 ? '-' : ''}${amountInputOf(minor, { locale: 'en-US', currency })}`;

interface Line<C> {
  tenant: string;
  bucket: ReportBucket;
  group: string;
  currency: string;
  cell: C;
}

const place = <C>(granularity: RevenueReport['granularity']): Array<CsvColumn<Line<C>>> => [
  { header: 'Tenant', text: (l) => l.tenant },
  { header: 'Period', text: (l) => bucketLabel(l.bucket, granularity, 'en-GB') },
  { header: 'From', text: (l) => l.bucket.from },
  { header: 'To', text: (l) => l.bucket.to },
];

const tenantNames = (report: { tenants: RevenueReport['tenants'] }) => new Map(report.tenants.map((t) => [t.tenantId, t.name]));

/**
 * Revenue as a spreadsheet reads it: a line per tenant, group, currency and bucket, every
 * figure of the screen's tables (the sums of several tenants are left to the spreadsheet).
 */
export function revenueCsv(report: RevenueReport): { columns: Array<CsvColumn<Line<RevenueCell>>>; rows: Array<Line<RevenueCell>> } {
  const names = tenantNames(report);
  const amount = (pick: (c: RevenueCell) => number) => (l: Line<RevenueCell>) => csvAmount(pick(l.cell), l.currency);
  const columns: Array<CsvColumn<Line<RevenueCell>>> = [
    ...place<RevenueCell>(report.granularity),
    { header: 'Group', text: (l) => l.group },
    { header: 'Currency', text: (l) => l.currency },
    { header: 'Payments', text: (l) => String(l.cell.payments) },
    { header: 'Received', text: amount((c) => c.receivedMinor) },
    { header: 'Reversed', text: amount((c) => c.reversedMinor) },
    { header: 'Net payments', text: amount((c) => c.netMinor) },
    { header: 'Vouchers activated', text: (l) => String(l.cell.vouchers) },
    { header: 'Voucher value', text: amount((c) => c.voucherMinor) },
    { header: 'Total', text: amount((c) => c.totalMinor) },
  ];
  const rows = report.series.flatMap((s) => s.cells.map((cell, i) => ({ tenant: names.get(s.tenantId ?? -1) ?? '', bucket: report.buckets[i]!, group: s.label, currency: s.currency, cell })));
  return { columns, rows };
}

export function activityCsv(report: ActivityReport): { columns: Array<CsvColumn<Line<ActivityCell>>>; rows: Array<Line<ActivityCell>> } {
  const count = (pick: (c: ActivityCell) => number) => (l: Line<ActivityCell>) => String(pick(l.cell));
  const columns: Array<CsvColumn<Line<ActivityCell>>> = [
    ...place<ActivityCell>(report.granularity),
    { header: 'Vouchers issued', text: count((c) => c.vouchersIssued) },
    { header: 'Vouchers activated', text: count((c) => c.vouchersActivated) },
    { header: 'Expiries', text: count((c) => c.expiries) },
    { header: 'Renewals', text: count((c) => c.renewals) },
    { header: 'Reconnections', text: count((c) => c.reconnections) },
  ];
  const rows = report.series
    .filter((s) => s.tenantId !== null)
    .flatMap((s) => s.cells.map((cell, i) => ({ tenant: s.label, bucket: report.buckets[i]!, group: '', currency: '', cell })));
  return { columns, rows };
}
