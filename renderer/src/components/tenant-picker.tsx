import '../styles/components.css';
import { useEffect, useId } from 'react';
import { api } from '../bridge/api';
import { chooseTenant, rememberTenants, tenantScopeSelectors, useTenantScopeStore } from '../stores/tenant-scope-store';

/**
 * The system admin's tenant choice for tenant-scoped views. Lists the tenants by name (one
 * `tenants.list` when none are known yet); until they arrive, takes a tenant id. `allLabel` adds an "all tenants"
 * choice (the dashboard has one; session tables do not).
 */
export function TenantPicker({ allLabel }: { allLabel?: string }) {
  const id = useId();
  const chosen = useTenantScopeStore(tenantScopeSelectors.chosenTenantId);
  const known = useTenantScopeStore(tenantScopeSelectors.known);
  const empty = known.length === 0;

  // The names come once from tenants.list (system admins only), then from the all-tenants dashboard.
  useEffect(() => {
    if (!empty) return;
    void api.invoke('tenants.list', {}).then((result) => {
      if (result.ok) rememberTenants(result.data.tenants.map((t) => ({ id: t.id, name: t.name })));
    });
  }, [empty]);

  const choices = chosen !== null && !known.some((t) => t.id === chosen) ? [...known, { id: chosen, name: `Tenant ${chosen}` }] : known;

  if (choices.length === 0 && !allLabel) {
    return (
      <label className="field-inline" htmlFor={id}>
        Tenant id
        <input
          id={id}
          type="number"
          min={1}
          data-testid="tenant-picker"
          onChange={(e) => {
            const n = Number(e.target.value);
            chooseTenant(Number.isInteger(n) && n > 0 ? n : null);
          }}
        />
      </label>
    );
  }
  return (
    <label className="field-inline" htmlFor={id}>
      Tenant
      <select id={id} data-testid="tenant-picker" value={chosen ?? ''} onChange={(e) => chooseTenant(e.target.value === '' ? null : Number(e.target.value))}>
        <option value="">{allLabel ?? 'Choose a tenant…'}</option>
        {choices.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );
}
