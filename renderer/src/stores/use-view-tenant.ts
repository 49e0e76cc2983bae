import { sessionSelectors, useSessionStore, type SignedInUser } from './session-store';
import { tenantScopeSelectors, useTenantScopeStore, viewTenantId } from './tenant-scope-store';

export interface ViewTenant {
  user: SignedInUser | null;
  isSystemAdmin: boolean;
  /** The tenant to show; null: signed out, or a system admin who has not chosen. */
  tenantId: number | null;
}

export function useViewTenant(): ViewTenant {
  const user = useSessionStore(sessionSelectors.user);
  const chosen = useTenantScopeStore(tenantScopeSelectors.chosenTenantId);
  return { user, isSystemAdmin: user?.role === 'system_admin', tenantId: viewTenantId(user, chosen) };
}
