import type { ActivityReport } from '../../../../main/reports/contract';
import type { LocaleSettings } from '../../format/locale';
import { formatNumber } from '../../format/number';
import { ActivityBucketsTable, ActivityTenantsTable } from './activity-tables';
import { FigureCard } from '../../components/figure-card';
import { activityCsv } from './report-csv';
import { SectionHeading } from './section-heading';

/** Vouchers sold and used, expiries, renewals and reconnections; who is active now. */
export function ActivitySection({ report, locale, fileName }: { report: ActivityReport; locale: LocaleSettings; fileName: string }) {
  const headline = report.series[report.series.length - 1]!;
  const count = (n: number) => formatNumber(n, locale);
  return (
    <section aria-labelledby="activity-title" data-testid="activity-section">
      <SectionHeading id="activity" title="Activity" fileName={fileName} csv={activityCsv(report)} />
      <p className="report-note">
        Vouchers issued: generated in batches; activated: first used on a router (sold, in effect). Renewals: subscriptions extended by a payment or renewed from the balance.
      </p>
      <div className="cards">
        {(
          [
            ['Active subscribers now', headline.activeSubscribers, 'activity-active'],
            ['Vouchers activated', headline.total.vouchersActivated, 'activity-activated'],
            ['Renewals', headline.total.renewals, 'activity-renewals'],
            ['Expiries', headline.total.expiries, 'activity-expiries'],
          ] as const
        ).map(([label, value, testId]) => (
          <FigureCard key={testId} label={label} value={count(value)} testId={testId} />
        ))}
      </div>
      <ActivityBucketsTable report={report} series={headline} locale={locale} />
      {report.series.length > 1 && <ActivityTenantsTable report={report} locale={locale} />}
    </section>
  );
}
