import type { ActivityCell, ActivityReport, ActivitySeries } from '../../../../main/reports/contract';
import { bucketLabel } from '../../../../main/reports/report-calendar-contract';
import type { LocaleSettings } from '../../format/locale';
import { formatNumber } from '../../format/number';

const MEASURES: Array<[keyof ActivityCell, string]> = [
  ['vouchersIssued', 'Vouchers issued'],
  ['vouchersActivated', 'Vouchers activated'],
  ['expiries', 'Expiries'],
  ['renewals', 'Renewals'],
  ['reconnections', 'Reconnections'],
];

function Counts({ cell, locale, testId }: { cell: ActivityCell; locale: LocaleSettings; testId: string }) {
  return (
    <>
      {MEASURES.map(([m]) => (
        <td key={m} className="num" data-testid={`${testId}-${m}`}>
          {formatNumber(cell[m], locale)}
        </td>
      ))}
    </>
  );
}

const Head = ({ first, extra = [] }: { first: string; extra?: string[] }) => (
  <thead>
    <tr>
      <th scope="col">{first}</th>
      {[...MEASURES.map(([, label]) => label), ...extra].map((label) => (
        <th key={label} scope="col" className="num">
          {label}
        </th>
      ))}
    </tr>
  </thead>
);

/** Vouchers, expiries, renewals and reconnections bucket by bucket (the tenant's, or every tenant's sum). */
export function ActivityBucketsTable({ report, series, locale }: { report: ActivityReport; series: ActivitySeries; locale: LocaleSettings }) {
  return (
    <div className="table-box">
      <table className="data-table report-table" data-testid="activity-table">
        <caption>
          {series.label} per {report.granularity}
        </caption>
        <Head first="Period" />
        <tbody>
          {report.buckets.map((b, i) => (
            <tr key={b.key} data-testid={`activity-row-${b.key}`}>
              <th scope="row">{bucketLabel(b, report.granularity, locale.locale)}</th>
              <Counts cell={series.cells[i]!} locale={locale} testId={`activity-${b.key}`} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <Counts cell={series.total} locale={locale} testId="activity-sum" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** A system admin's tenants side by side over the range, with who is active now. */
export function ActivityTenantsTable({ report, locale }: { report: ActivityReport; locale: LocaleSettings }) {
  return (
    <div className="table-box">
      <table className="data-table report-table" data-testid="activity-tenants">
        <caption>Per tenant over the range</caption>
        <Head first="Tenant" extra={['Active now']} />
        <tbody>
          {report.series.map((s) => (
            <tr key={s.tenantId ?? 'all'}>
              <th scope="row">{s.label}</th>
              <Counts cell={s.total} locale={locale} testId={`activity-tenant-${s.tenantId ?? 'all'}`} />
              <td className="num">{formatNumber(s.activeSubscribers, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
