import type { Session } from '../auth/session';
import { readScope } from '../auth/tenant-scope';
import type { BusinessTx } from '../business/business-tx';
import type { ReportTenant } from './contract';

/**
 * Whose figures a report shows: a tenant's users always their own tenant (whatever the input
 * says, as payments.list does); a system admin the tenant asked for, or every tenant.
 */
export async function reportTenants(tx: BusinessTx, session: Session, requested: number | undefined): Promise<ReportTenant[]> {
  const own = readScope(session);
  const ids = own !== null ? [own] : requested !== undefined ? [requested] : (await tx.reports.tenants()).map((t) => t.id);
  const tenants: ReportTenant[] = [];
  // settings() refuses an unknown tenant with not_found, which is the answer to a wrong tenantId.
  for (const id of ids) {
    const { tenantId, name, timeZone, locale, currency } = await tx.tenants.settings(id);
    tenants.push({ tenantId, name, timeZone, locale, currency });
  }
  return tenants;
}

/** Viewers see totals, not people: an operator whose login is a phone number or email is masked for them. */
export const seesStaffNames = (session: Session): boolean => session.user !== null && session.user.role !== 'viewer';
