import { create } from 'zustand';
import type { SignedInUser } from './session-store';
import { hashWithTenant, tenantFromHash } from './tenant-hash';

/** Under node tests there is no window: the choice then lives in the store only. */
const browserLocation = (): Location | null => (typeof window === 'undefined' ? null : window.location);

export interface TenantOption {
  id: number;
  name: string;
}

export interface TenantScopeState {
  /** The tenant a system admin is looking at in the tenant views; null: none chosen yet. */
  chosenTenantId: number | null;
  /** Tenants the console has heard of (the all-tenants dashboard names them), for the picker. */
  known: readonly TenantOption[];
}

export const initialTenantScopeState: TenantScopeState = { chosenTenantId: null, known: [] };

/** Which tenant the tenant-scoped views show. Tenant users always see their own; system admins pick one. */
export const useTenantScopeStore = create<TenantScopeState>(() => ({ ...initialTenantScopeState, chosenTenantId: tenantFromHash(browserLocation()?.hash ?? '') }));

// Back, forward or an edited URL can change the tenant in the hash: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    const chosenTenantId = tenantFromHash(window.location.hash);
    if (chosenTenantId !== useTenantScopeStore.getState().chosenTenantId) useTenantScopeStore.setState({ chosenTenantId });
  });
}

export const tenantScopeSelectors = {
  chosenTenantId: (s: TenantScopeState) => s.chosenTenantId,
  known: (s: TenantScopeState) => s.known,
};

/** The tenant whose channels a view subscribes to: the user's own, or the system admin's choice. */
export function viewTenantId(user: SignedInUser | null, chosen: number | null): number | null {
  if (!user) return null;
  return user.role === 'system_admin' ? chosen : user.tenantId;
}

/** Chooses the tenant and writes it into the URL (replacing the entry: a choice is not a page to go back to). */
export function chooseTenant(tenantId: number | null): void {
  useTenantScopeStore.setState({ chosenTenantId: tenantId });
  const location = browserLocation();
  if (location) history.replaceState(history.state, '', hashWithTenant(location.hash, tenantId));
}

/** Adds or renames tenants in the picker's list (kept sorted by name); unchanged lists keep their identity. */
export function rememberTenants(options: readonly TenantOption[]): void {
  useTenantScopeStore.setState((s) => {
    const byId = new Map(s.known.map((t) => [t.id, t]));
    let changed = false;
    for (const option of options) {
      if (byId.get(option.id)?.name !== option.name) {
        byId.set(option.id, { id: option.id, name: option.name });
        changed = true;
      }
    }
    if (!changed) return {};
    return { known: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id) };
  });
}

export function resetTenantScopeStore(): void {
  useTenantScopeStore.setState(initialTenantScopeState, true);
}
