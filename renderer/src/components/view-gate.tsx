import type { ReactNode } from 'react';
import type { ViewTenant } from '../stores/use-view-tenant';

/** What a tenant view shows before it can subscribe: a sign-in hint, or "choose a tenant" for system admins. */
export function ViewGate({ scope, what, children }: { scope: ViewTenant; what: string; children: ReactNode }) {
  if (!scope.user) {
    return (
      <p className="muted" data-testid="view-signed-out">
        Sign in to see {what}.
      </p>
    );
  }
  if (scope.tenantId === null) {
    return (
      <p className="muted" data-testid="view-choose-tenant">
        Choose a tenant to see its {what}.
      </p>
    );
  }
  return <>{children}</>;
}
