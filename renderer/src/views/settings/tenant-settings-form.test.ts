import { describe, expect, it } from 'vitest';
import { checkTenantSettings, logoFileProblem, tenantSettingsErrors, type TenantSettingsValues } from './tenant-settings-form';

const good: TenantSettingsValues = { name: 'Acme Net', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null };

describe('company settings form', () => {
  it('accepts IANA zones, BCP 47 locales and ISO 4217 codes (any case)', () => {
    expect(checkTenantSettings(good)).toEqual({});
    expect(checkTenantSettings({ ...good, timeZone: 'UTC', locale: 'de', currency: 'eur' })).toEqual({});
  });

  it('reports every invalid field at once', () => {
    const errors = checkTenantSettings({ name: ' ', timeZone: 'Nairobi', locale: 'english please', currency: 'KSH', logo: 'https://example.com/logo.png' });
    expect(Object.keys(errors).sort()).toEqual(['currency', 'locale', 'logo', 'name', 'timeZone']);
    expect(errors.timeZone).toMatch(/IANA time zone/);
    expect(errors.currency).toMatch(/ISO 4217/);
  });

  it('refuses a logo file of another type or over the cap before reading it', () => {
    expect(logoFileProblem({ type: 'image/png', size: 20_000 })).toBeNull();
    expect(logoFileProblem({ type: 'image/svg+xml', size: 2_000 })).toMatch(/PNG, JPEG or WebP/);
    expect(logoFileProblem({ type: 'image/jpeg', size: 200 * 1024 })).toMatch(/200 KiB.*64 KiB/);
  });

  it('puts refused fields under their inputs, and anything else above the form', () => {
    expect(tenantSettingsErrors({ code: 'conflict', message: 'taken', details: { fields: { name: 'already used by another tenant' } } })).toEqual({ fields: { name: 'already used by another tenant' }, form: null });
    expect(tenantSettingsErrors({ code: 'invalid_input', message: 'bad', details: [{ path: ['locale'], message: 'a language tag' }] })).toEqual({ fields: { locale: 'a language tag' }, form: null });
    expect(tenantSettingsErrors({ code: 'forbidden', message: 'your role (viewer) may not use tenants.updateSettings' })).toEqual({ fields: {}, form: 'your role (viewer) may not use tenants.updateSettings' });
  });
});
