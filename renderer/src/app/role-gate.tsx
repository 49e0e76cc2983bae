import type { ReactNode } from 'react';
import { authSelectors, useAuthStore } from '../views/account/auth-store';
import { mayOpen } from './navigation';
import { ROLE_LABEL } from './role-labels';

/** A typed or old link to a view the role may not use says so, instead of a view whose every call is refused. */
export function RoleGate({ viewId, label, children }: { viewId: string; label: string; children: ReactNode }) {
  const role = useAuthStore((s) => s.user?.role ?? null);
  const phase = useAuthStore(authSelectors.phase);
  if (phase === 'signed-in' && role !== null && !mayOpen(viewId, role)) {
    return (
      <p className="muted" data-testid="view-not-allowed">
        {label} is not available to your role ({ROLE_LABEL[role]}). Ask an admin if you need it.
      </p>
    );
  }
  return <>{children}</>;
}
