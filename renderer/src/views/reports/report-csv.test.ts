import { describe, expect, it } from 'vitest';
import type { ActivityReport, RevenueCell, RevenueReport } from '../../../../main/reports/contract';
import { toCsv } from '../../components/csv';
import { activityCsv, csvAmount, revenueCsv } from './report-csv';

const cell = (receivedMinor: number, reversedMinor = 0, voucherMinor = 0): RevenueCell => ({
  receivedMinor, reversedMinor, voucherMinor, netMinor: receivedMinor - reversedMinor, totalMinor: receivedMinor - reversedMinor + voucherMinor, payments: receivedMinor > 0 ? 1 : 0, vouchers: voucherMinor > 0 ? 1 : 0,
});
const buckets = [
  { key: '2026-12-01', from: '2026-12-01', to: '2026-12-01' },
  { key: '2026-12-02', from: '2026-12-02', to: '2026-12-02' },
];
const tenants = [{ tenantId: 1, name: 'Alpha Net', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES' }];
const csvOf = ({ columns, rows }: { columns: ReadonlyArray<{ header: string; text?: (r: never) => string }>; rows: readonly unknown[] }) =>
  toCsv(columns.map((c) => c.header), rows.map((r) => columns.map((c) => c.text!(r as never))));

describe('report CSV', () => {
  it('writes amounts exactly in major units with a point, whatever the currency’s decimals', () => {
    expect(csvAmount(150_050, 'KES')).toBe('1500.50');
    expect(csvAmount(-5, 'KES')).toBe('-0.05');
    expect(csvAmount(1500, 'JPY')).toBe('1500');
    expect(csvAmount(1_234_567, 'BHD')).toBe('1234.567');
  });

  it('has a line per group and bucket with every figure of the tables', () => {
    const report: RevenueReport = {
      from: '2026-12-01', to: '2026-12-02', granularity: 'day', groupBy: 'plan', buckets, tenants, generatedAt: '2026-12-02T10:00:00Z',
      series: [{ tenantId: 1, key: 'plan:3', label: 'Fibre, 10M', currency: 'KES', cells: [cell(150_000), cell(0, 150_000, 5_000)], total: cell(150_000, 150_000, 5_000) }],
      totals: [],
    };
    expect(csvOf(revenueCsv(report)).split('\r\n')).toEqual([
      'Tenant,Period,From,To,Group,Currency,Payments,Received,Reversed,Net payments,Vouchers activated,Voucher value,Total',
      'Alpha Net,1 Dec 2026,2026-12-01,2026-12-01,"Fibre, 10M",KES,1,1500.00,0.00,1500.00,0,0.00,1500.00',
      // A negative figure gets csv.ts's spreadsheet-formula guard (a leading apostrophe), as every export does.
      "Alpha Net,2 Dec 2026,2026-12-02,2026-12-02,\"Fibre, 10M\",KES,0,0.00,1500.00,'-1500.00,1,50.00,'-1450.00",
      '',
    ]);
  });

  it('has a line per tenant and bucket of activity, without the sum of several tenants', () => {
    const counts = { vouchersIssued: 3, vouchersActivated: 1, expiries: 0, renewals: 2, reconnections: 1 };
    const report: ActivityReport = {
      from: '2026-12-01', to: '2026-12-01', granularity: 'day', buckets: buckets.slice(0, 1), tenants, generatedAt: '2026-12-02T10:00:00Z',
      series: [
        { tenantId: 1, label: 'Alpha Net', cells: [counts], total: counts, activeSubscribers: 4 },
        { tenantId: null, label: 'All tenants', cells: [counts], total: counts, activeSubscribers: 4 },
      ],
    };
    expect(csvOf(activityCsv(report)).split('\r\n')).toEqual(['Tenant,Period,From,To,Vouchers issued,Vouchers activated,Expiries,Renewals,Reconnections', 'Alpha Net,1 Dec 2026,2026-12-01,2026-12-01,3,1,0,2,1', '']);
  });
});
