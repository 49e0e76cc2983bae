import { create } from 'zustand';
import type { TenantSummary } from '../../../../main/tenants/contract';

export interface TenantsState {
  /** Sorted by name. */
  tenants: readonly TenantSummary[];
  loaded: boolean;
  error: string | null;
}

export const initialTenantsState: TenantsState = { tenants: [], loaded: false, error: null };

/** The Tenants view: one `tenants.list`, then TenantCreated/TenantUpdated on `system.tenants`. Pure (no bridge). */
export const useTenantsStore = create<TenantsState>(() => initialTenantsState);

export const tenantsSelectors = {
  tenants: (s: TenantsState) => s.tenants,
  loaded: (s: TenantsState) => s.loaded,
  error: (s: TenantsState) => s.error,
};

const byName = (a: TenantSummary, b: TenantSummary) => a.name.localeCompare(b.name) || a.id - b.id;

export const tenantsActions = {
  snapshot(tenants: readonly TenantSummary[]): void {
    useTenantsStore.setState({ tenants: [...tenants].sort(byName), loaded: true, error: null });
  },
  /** Adds or replaces one tenant (an event may repeat what the snapshot already had). */
  upsert(tenant: TenantSummary): void {
    useTenantsStore.setState((s) => ({ tenants: [...s.tenants.filter((t) => t.id !== tenant.id), tenant].sort(byName) }));
  },
  failed(error: string): void {
    useTenantsStore.setState({ error });
  },
};

export function resetTenantsStore(): void {
  useTenantsStore.setState(initialTenantsState, true);
}
