import { useEffect, useState } from 'react';
import { saveBlob } from '../../components/save-file';
import { TenantPicker } from '../../components/tenant-picker';
import { toast } from '../../components/toast-store';
import { formatDateTime } from '../../format/date-time';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { useStale } from '../../stores/connection-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { ActivitySection } from './activity-section';
import { ReportControls } from './report-controls';
import { initialQuery, presetRange, queryProblem, todayIn, type ReportQuery } from './report-query';
import { attachReports, fetchReportPdf } from './reports-live';
import { reportsSelectors, useReportsStore } from './reports-store';
import { RevenueSection } from './revenue-section';
import '../../styles/routers.css';
import '../../styles/business.css';
import '../../styles/dashboard.css';
import './reports.css';

/** `alpha-net-2026-12-01-to-2026-12-07`: what the exports are called. */
const fileNameOf = (who: string, q: ReportQuery) => `${who.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'tenant'}-${q.from}-to-${q.to}`;

/**
 * Reports: revenue per day, week or month in the tenant's time zone (per plan, router or
 * operator), vouchers, expiries and renewals, with charts, totals, CSV and PDF. System admins see
 * one tenant or every tenant with sums per currency. Fetched once per query, then again
 * (debounced) when a payment or voucher event changes the figures: never polled.
 */
export function ReportsView() {
  const { tenantId, isSystemAdmin, user } = useViewTenant();
  const tenant = useLocaleStore(localeSelectors.tenant);
  const locale = useLocaleStore(localeSelectors.settings);
  const revenue = useReportsStore(reportsSelectors.revenue);
  const activity = useReportsStore(reportsSelectors.activity);
  const loading = useReportsStore(reportsSelectors.loading);
  const error = useReportsStore(reportsSelectors.error);
  const stale = useStale();
  // Today in the tenant's zone: with every tenant on screen, the browser's (each tenant's own days come from the backend).
  const today = todayIn(tenantId !== null ? tenant?.timeZone : undefined);
  const [query, setQuery] = useState<ReportQuery>(() => initialQuery(today));
  const [printing, setPrinting] = useState(false);
  const problem = queryProblem(query);

  // A preset follows the calendar: past midnight, or for another tenant's zone, "today" moves.
  useEffect(() => {
    setQuery((q) => (q.preset === 'custom' ? q : { ...q, ...presetRange(q.preset, today), granularity: q.granularity }));
  }, [today]);

  const { from, to, granularity, groupBy } = query;
  const valid = problem === null;
  useEffect(() => {
    if (!user || !valid || (!isSystemAdmin && tenantId === null)) return undefined;
    return attachReports({ preset: 'custom', from, to, granularity, groupBy }, tenantId, isSystemAdmin);
  }, [user, tenantId, isSystemAdmin, from, to, granularity, groupBy, valid]);

  if (!user) {
    return (
      <p className="muted" data-testid="view-signed-out">
        Sign in to see reports.
      </p>
    );
  }
  const who = revenue && revenue.tenants.length === 1 ? revenue.tenants[0]!.name : 'all-tenants';
  const fileName = fileNameOf(who, query);

  const savePdf = async () => {
    setPrinting(true);
    const result = await fetchReportPdf(query, tenantId, isSystemAdmin);
    setPrinting(false);
    if (!result.ok) {
      toast('bad', `could not make the PDF: ${result.error.message}`);
      return;
    }
    saveBlob(result.data.fileName, new Blob([Uint8Array.from(atob(result.data.base64), (c) => c.charCodeAt(0))], { type: 'application/pdf' }));
    toast('ok', `report saved as ${result.data.fileName} (${result.data.pages} ${result.data.pages === 1 ? 'page' : 'pages'})`);
  };

  return (
    <section className="reports-view" aria-labelledby="reports-title" aria-busy={loading}>
      <h1 id="reports-title">Reports</h1>
      <div className="toolbar">
        {isSystemAdmin && <TenantPicker allLabel="All tenants" />}
        <ReportControls query={query} today={today} onChange={setQuery} problem={problem} />
        <span className="spacer" />
        <span className="counts" role="status" data-testid="report-status">
          {loading ? 'Updating…' : revenue ? `As of ${formatDateTime(revenue.generatedAt, locale, 'time')}` : ''}
        </span>
        <button type="button" data-testid="report-pdf" disabled={!valid || printing || stale || !revenue} onClick={() => void savePdf()}>
          {printing ? 'Making PDF…' : 'Export PDF'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="report-error">
          {error}
        </p>
      )}
      {!revenue || !activity ? (
        !error && <p className="muted">Loading the report…</p>
      ) : (
        <>
          <RevenueSection report={revenue} locale={locale} fileName={fileName} />
          <ActivitySection report={activity} locale={locale} fileName={fileName} />
        </>
      )}
    </section>
  );
}
