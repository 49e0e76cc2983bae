import type { RevenueReport, RevenueSeries } from '../../../../main/reports/contract';
import { bucketLabel } from '../../../../main/reports/report-calendar-contract';
import type { LocaleSettings } from '../../format/locale';
import { formatAmount, formatNumber } from '../../format/number';
import { BAR_COLOURS, BarChart, type BarSeries } from './bar-chart';
import { FigureCard } from '../../components/figure-card';
import { topSeries } from './bar-layout';
import { revenueCsv } from './report-csv';
import { RevenueBucketsTable, RevenueGroupsTable } from './revenue-tables';
import { SectionHeading } from './section-heading';

const GROUP_WORD = { none: 'tenant', plan: 'plan', router: 'router', operator: 'operator' } as const;

/** What the bars of one currency stack: its groups, or with several tenants and no split its tenants; the smallest folded into "Other". */
function barsOf(report: RevenueReport, headline: RevenueSeries, money: (minor: number) => string): BarSeries[] {
  const several = report.tenants.length > 1;
  const parts = report.groupBy !== 'none' ? report.series.filter((s) => s.currency === headline.currency) : several ? report.totals.filter((t) => t.tenantId !== null && t.currency === headline.currency) : [headline];
  const name = (s: RevenueSeries) => (report.groupBy === 'none' && several ? (report.tenants.find((t) => t.tenantId === s.tenantId)?.name ?? s.label) : s.label);
  const { kept, rest } = topSeries(parts, (s) => s.total.totalMinor, BAR_COLOURS);
  const bars = kept.map((s) => ({ id: `${s.tenantId}-${s.key}`, label: name(s), values: s.cells.map((c) => c.totalMinor), total: money(s.total.totalMinor) }));
  if (rest.length > 0) {
    const values = report.buckets.map((_, i) => rest.reduce((sum, s) => sum + s.cells[i]!.totalMinor, 0));
    bars.push({ id: 'other', label: `Other (${rest.length})`, values, total: money(values.reduce((a, b) => a + b, 0)) });
  }
  return bars;
}

/** One currency: its figures, the bars per bucket and the table with the range's total. */
function CurrencyRevenue({ report, headline, locale }: { report: RevenueReport; headline: RevenueSeries; locale: LocaleSettings }) {
  const money = (minor: number) => formatAmount(minor, { ...locale, currency: headline.currency });
  const { total } = headline;
  const best = headline.cells.reduce((top, c, i) => (c.totalMinor > headline.cells[top]!.totalMinor ? i : top), 0);
  const label = (i: number) => bucketLabel(report.buckets[i]!, report.granularity, locale.locale);
  const id = `report-${headline.currency}`;
  return (
    <div className="report-currency" data-testid={id} data-currency={headline.currency}>
      <h3 className="section-title">{report.tenants.length > 1 ? `All tenants, ${headline.currency}` : headline.currency}</h3>
      <div className="cards">
        <FigureCard label="Total" value={money(total.totalMinor)} testId={`${id}-total`} detail="payments − reversals + voucher value" />
        <FigureCard label="Received" value={money(total.receivedMinor)} testId={`${id}-received`} detail={`${formatNumber(total.payments, locale)} ${total.payments === 1 ? 'payment' : 'payments'}`} />
        <FigureCard label="Reversed" value={money(total.reversedMinor)} testId={`${id}-reversed`} />
        <FigureCard label="Voucher value" value={money(total.voucherMinor)} testId={`${id}-vouchers`} detail={`${formatNumber(total.vouchers, locale)} activated, at plan price`} />
      </div>
      <BarChart
        title={`Revenue per ${report.granularity}`}
        testId={`${id}-chart`}
        labels={report.buckets.map((_, i) => label(i))}
        series={barsOf(report, headline, money)}
        formatValue={money}
        summary={`Revenue per ${report.granularity} in ${headline.currency}: ${money(total.totalMinor)} over ${report.buckets.length} ${report.granularity}s; the most on ${label(best)}, ${money(headline.cells[best]!.totalMinor)}.`}
      />
      <RevenueBucketsTable report={report} totals={headline} locale={locale} />
    </div>
  );
}

/**
 * Revenue: per currency (one for a tenant; a system admin's tenants summed per currency, never
 * across), then the split by plan, router or operator and, with several tenants, per tenant.
 */
export function RevenueSection({ report, locale, fileName }: { report: RevenueReport; locale: LocaleSettings; fileName: string }) {
  const single = report.tenants.length === 1;
  const headlines = report.totals.filter((t) => (single ? t.tenantId === report.tenants[0]!.tenantId : t.tenantId === null));
  return (
    <section aria-labelledby="revenue-title" data-testid="revenue-section">
      <SectionHeading id="revenue" title="Revenue" fileName={fileName} csv={revenueCsv(report)} />
      {!single && <p className="report-note">Each tenant’s days follow its own time zone. Amounts in different currencies are never added together: there is one sum per currency.</p>}
      {headlines.map((h) => (
        <CurrencyRevenue key={h.currency} report={report} headline={h} locale={locale} />
      ))}
      {report.groupBy !== 'none' &&
        headlines.map((h) => (
          <RevenueGroupsTable
            key={h.currency}
            report={report}
            rows={report.series.filter((s) => s.currency === h.currency)}
            caption={`Per ${GROUP_WORD[report.groupBy]} over the range, ${h.currency}`}
            testId={`revenue-groups-${h.currency}`}
            locale={locale}
          />
        ))}
      {!single && <RevenueGroupsTable report={{ ...report, groupBy: 'none' }} rows={report.totals.filter((t) => t.tenantId !== null)} caption="Per tenant over the range" testId="revenue-tenants" locale={locale} />}
    </section>
  );
}
