import '../styles/components.css';
import { useId } from 'react';
import { chooseTenant, tenantScopeSelectors, useTenantScopeStore } from '../stores/tenant-scope-store';

/**
 * The system admin's tenant choice for tenant-scoped views. Lists the tenants the console
 * knows by name; with none known yet, takes a tenant id. `allLabel` adds an "all tenants"
 * choice (the dashboard has one; session tables do not).
 */
export function TenantPicker({ allLabel }: { allLabel?: string }) {
  const id = useId();
  const chosen = useTenantScopeStore(tenantScopeSelectors.chosenTenantId);
  const known = useTenantScopeStore(tenantScopeSelectors.known);
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
