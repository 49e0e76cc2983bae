import type { RevenueCell, RevenueReport, RevenueSeries } from '../../../../main/reports/contract';
import { bucketLabel } from '../../../../main/reports/report-calendar-contract';
import { formatAmount, formatNumber } from '../../format/number';
import type { LocaleSettings } from '../../format/locale';

/** Money of one series' currency in the screen's locale; a loss shows red (and with its minus sign, not by colour alone). */
function Money({ minor, currency, locale, testId }: { minor: number; currency: string; locale: LocaleSettings; testId?: string }) {
  return (
    <td className={`num${minor < 0 ? ' negative' : ''}`} data-testid={testId}>
      {formatAmount(minor, { ...locale, currency })}
    </td>
  );
}

const MONEY_HEADERS = ['Payments', 'Received', 'Reversed', 'Voucher value', 'Total'];

function MoneyCells({ cell, currency, locale, testId }: { cell: RevenueCell; currency: string; locale: LocaleSettings; testId?: string }) {
  return (
    <>
      <td className="num">{formatNumber(cell.payments, locale)}</td>
      <Money minor={cell.receivedMinor} currency={currency} locale={locale} />
      <Money minor={cell.reversedMinor} currency={currency} locale={locale} />
      <Money minor={cell.voucherMinor} currency={currency} locale={locale} />
      <Money minor={cell.totalMinor} currency={currency} locale={locale} testId={testId} />
    </>
  );
}

function Head({ first }: { first: string[] }) {
  return (
    <thead>
      <tr>
        {first.map((h) => (
          <th key={h} scope="col">
            {h}
          </th>
        ))}
        {MONEY_HEADERS.map((h) => (
          <th key={h} scope="col" className="num">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One currency's revenue bucket by bucket, the range's total in the footer. */
export function RevenueBucketsTable({ report, totals, locale }: { report: RevenueReport; totals: RevenueSeries; locale: LocaleSettings }) {
  const id = `revenue-${totals.currency}`;
  return (
    <div className="table-box">
      <table className="data-table report-table" data-testid={`${id}-table`}>
        <caption>
          {totals.tenantId === null ? 'All tenants' : 'Revenue'} per {report.granularity}, {totals.currency}
        </caption>
        <Head first={['Period']} />
        <tbody>
          {report.buckets.map((b, i) => (
            <tr key={b.key} data-testid={`${id}-row-${b.key}`}>
              <th scope="row">{bucketLabel(b, report.granularity, locale.locale)}</th>
              <MoneyCells cell={totals.cells[i]!} currency={totals.currency} locale={locale} testId={`${id}-total-${b.key}`} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <MoneyCells cell={totals.total} currency={totals.currency} locale={locale} testId={`${id}-sum`} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The range's revenue per plan, router or operator (per tenant too when there are several) in one currency. */
export function RevenueGroupsTable({ report, rows, caption, testId, locale }: { report: RevenueReport; rows: readonly RevenueSeries[]; caption: string; testId: string; locale: LocaleSettings }) {
  const several = report.tenants.length > 1;
  const name = (id: number | null) => report.tenants.find((t) => t.tenantId === id)?.name ?? 'All tenants';
  return (
    <div className="table-box">
      <table className="data-table report-table" data-testid={testId}>
        <caption>{caption}</caption>
        <Head first={several && report.groupBy !== 'none' ? ['Tenant', 'Group'] : [report.groupBy === 'none' ? 'Tenant' : 'Group']} />
        <tbody>
          {rows.map((s) => (
            <tr key={`${s.tenantId}-${s.key}-${s.currency}`} data-testid={`${testId}-row`} data-key={s.key}>
              {several && report.groupBy !== 'none' && <td>{name(s.tenantId)}</td>}
              <th scope="row">{report.groupBy === 'none' ? name(s.tenantId) : s.label}</th>
              <MoneyCells cell={s.total} currency={s.currency} locale={locale} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
