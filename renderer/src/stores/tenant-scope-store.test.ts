import { beforeEach, describe, expect, it } from 'vitest';
import { chooseTenant, rememberTenants, resetTenantScopeStore, tenantScopeSelectors, useTenantScopeStore, viewTenantId } from './tenant-scope-store';
import { hashWithTenant, tenantFromHash, viewOfHash } from './tenant-hash';

describe('tenant scope', () => {
  beforeEach(resetTenantScopeStore);

  it('gives tenant users their own tenant, whatever was chosen', () => {
    expect(viewTenantId({ id: 1, username: 'op', role: 'operator', tenantId: 7 }, 3)).toBe(7);
    expect(viewTenantId(null, 3)).toBeNull();
  });

  it("gives system admins their choice", () => {
    const admin = { id: 1, username: 'root', role: 'system_admin' as const, tenantId: null };
    expect(viewTenantId(admin, null)).toBeNull();
    chooseTenant(4);
    expect(viewTenantId(admin, tenantScopeSelectors.chosenTenantId(useTenantScopeStore.getState()))).toBe(4);
  });

  it('remembers tenants by id, sorted by name, and keeps the list when nothing changed', () => {
    rememberTenants([{ id: 2, name: 'Beta' }, { id: 1, name: 'Alpha' }]);
    const first = tenantScopeSelectors.known(useTenantScopeStore.getState());
    expect(first.map((t) => t.name)).toEqual(['Alpha', 'Beta']);
    rememberTenants([{ id: 1, name: 'Alpha' }]);
    expect(tenantScopeSelectors.known(useTenantScopeStore.getState())).toBe(first);
    rememberTenants([{ id: 1, name: 'Zulu' }]);
    expect(tenantScopeSelectors.known(useTenantScopeStore.getState()).map((t) => t.name)).toEqual(['Beta', 'Zulu']);
  });
});

describe('the chosen tenant in the URL hash', () => {
  it('reads the tenant beside the view, ignoring anything that is not a tenant id', () => {
    expect(tenantFromHash('#/routers?tenant=3')).toBe(3);
    expect(tenantFromHash('#/routers?q=x&tenant=12')).toBe(12);
    for (const hash of ['', '#/routers', '#/routers?tenant=', '#/routers?tenant=abc', '#/routers?tenant=-2', '#/routers?tenant=1.5']) expect(tenantFromHash(hash), hash).toBeNull();
  });

  it('writes the tenant and keeps the view and other parameters', () => {
    expect(hashWithTenant('#/routers', 4)).toBe('#/routers?tenant=4');
    expect(hashWithTenant('#/routers?tenant=4&q=x', 5)).toBe('#/routers?tenant=5&q=x');
    expect(hashWithTenant('#/routers?tenant=4&q=x', null)).toBe('#/routers?q=x');
    expect(hashWithTenant('#/routers?tenant=4', null)).toBe('#/routers');
    expect(viewOfHash('#/routers?tenant=4')).toBe('routers');
    expect(viewOfHash('#/jobs')).toBe('jobs');
  });
});
