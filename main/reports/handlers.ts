import type { DomainHandlers } from '../contract/domain-handlers';
import { activityReport } from './activity-report';
import type { reportInvokes } from './contract';
import { reportDocument } from './report-document';
import type { ReportServices } from './report-services';
import { renderReportOffThread } from './report-pdf-renderer';
import { reportTenants, seesStaffNames } from './report-scope';
import { revenueReport } from './revenue-report';

/** `alpha-net`, or `all-tenants`: a file name from a tenant's name, whatever its script. */
const slug = (name: string) => name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'tenant';

/** Reports only read; each reads the store in one turn (its repositories answer at once), so its figures agree. */
export const reportHandlers: DomainHandlers<keyof typeof reportInvokes, ReportServices> = {
  'reports.revenue': ({ tenantId, ...request }, { services, session }) =>
    services.business.read(async (tx) => revenueReport(tx, await reportTenants(tx, session, tenantId), request, seesStaffNames(session))),

  'reports.activity': ({ tenantId, ...range }, { services, session }) =>
    services.business.read(async (tx) => activityReport(tx, await reportTenants(tx, session, tenantId), range)),

  'reports.pdf': async ({ tenantId, ...request }, { services, session }) => {
    const { revenue, activity } = await services.business.read(async (tx) => {
      const tenants = await reportTenants(tx, session, tenantId);
      return { revenue: await revenueReport(tx, tenants, request, seesStaffNames(session)), activity: await activityReport(tx, tenants, request) };
    });
    // Laid out after the transaction: the store is not held while the worker draws.
    const { pdf, pages } = await renderReportOffThread(reportDocument(revenue, activity));
    const who = revenue.tenants.length === 1 ? slug(revenue.tenants[0]!.name) : 'all-tenants';
    return { fileName: `report-${who}-${request.from}-to-${request.to}.pdf`, base64: Buffer.from(pdf).toString('base64'), bytes: pdf.byteLength, pages };
  },
};
