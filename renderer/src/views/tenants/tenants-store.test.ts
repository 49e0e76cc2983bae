import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantSummary } from '../../../../main/tenants/contract';
import { resetTenantsStore, tenantsActions, useTenantsStore } from './tenants-store';
import { fieldErrorsOf } from '../account/auth-store';

const tenant = (id: number, name: string): TenantSummary => ({ id, name, status: 'active', createdAt: '2026-01-01T00:00:00.000Z', userCount: 1 });

describe('tenants store', () => {
  beforeEach(resetTenantsStore);

  it('adds tenants from events in name order, without doubling one the snapshot had', () => {
    tenantsActions.snapshot([tenant(2, 'Zeta'), tenant(1, 'Alpha')]);
    tenantsActions.upsert(tenant(3, 'Beta'));
    tenantsActions.upsert(tenant(1, 'Alpha'));
    expect(useTenantsStore.getState().tenants.map((t) => t.name)).toEqual(['Alpha', 'Beta', 'Zeta']);
  });
});

describe('field errors of a refused form', () => {
  it('reads details.fields and ignores anything else', () => {
    expect(fieldErrorsOf({ code: 'invalid_input', message: 'x', details: { fields: { tenant_name: 'Enter the company name.', bad: 3 } } })).toEqual({
      tenant_name: 'Enter the company name.',
    });
    expect(fieldErrorsOf({ code: 'invalid_input', message: 'x', details: [{ path: ['a'], message: 'm' }] })).toEqual({});
    expect(fieldErrorsOf({ code: 'forbidden', message: 'x' })).toEqual({});
  });
});
