import { authSelectors, useAuthStore } from '../views/account/auth-store';
import { tenantScopeSelectors, useTenantScopeStore } from '../stores/tenant-scope-store';
import { hashWithTenant } from '../stores/tenant-hash';
import { navItemsFor } from './navigation';

/** Until enrolment is done, an admin who must set up two-factor sign-in can only reach it. */
const ENROL_VIEWS = new Set(['account', 'status']);

/**
 * The side bar: only what the signed-in role may use (before sign-in: sign-in and About/Status).
 * Links carry the system admin's chosen tenant, so moving between views keeps it in the URL.
 */
export function SideNav({ viewId }: { viewId: string }) {
  const phase = useAuthStore(authSelectors.phase);
  const role = useAuthStore((s) => s.user?.role ?? null);
  const tenant = useTenantScopeStore(tenantScopeSelectors.chosenTenantId);
  const signedIn = phase === 'signed-in' || phase === 'enrol';
  const items = navItemsFor(signedIn ? role : null).filter((i) => phase !== 'enrol' || ENROL_VIEWS.has(i.id));
  return (
    <nav className="sidebar" aria-label="Views">
      <ul>
        {items.map((nav) => (
          <li key={nav.testId ?? nav.id}>
            <a href={hashWithTenant(`#/${nav.id}`, signedIn && role === 'system_admin' ? tenant : null)} aria-current={nav.id === viewId ? 'page' : undefined} data-testid={nav.testId ?? `nav-${nav.id}`}>
              {nav.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
