import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import type { Session } from '../auth/session';
import type { BusEvent } from '../events/event-bus';
import { LOGO_MAX_BYTES } from './tenant-settings-contract';

const PNG = `data:image/png;base64,${Buffer.from('not really a png, but base64').toString('base64')}`;
const KENYA = { name: 'Acme Net', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'kes', logo: PNG };

describe('tenant company settings', () => {
  let core: TestCore;
  let acme: number;
  let other: number;
  let admin: Session;
  let viewer: Session;
  let root: Session;
  beforeEach(async () => {
    core = await startTestCore();
    acme = (await seedTenant(core.services, 'Acme')).id;
    other = (await seedTenant(core.services, 'Other Net')).id;
    admin = await sessionOf(core.services, await seedUser(core.services, { username: 'tina', role: 'tenant_admin', tenantId: acme }));
    viewer = await sessionOf(core.services, await seedUser(core.services, { username: 'vic', role: 'viewer', tenantId: acme }));
    root = await sessionOf(core.services, await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null }));
  });
  afterEach(() => core.dispose());

  it('starts from the host zone and locale, and every user of the tenant reads them', async () => {
    const read = await dispatchInvoke(core.services, viewer, 'tenants.settings', {});
    expect(read).toEqual({ ok: true, data: { tenantId: acme, name: 'Acme', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, locale: Intl.DateTimeFormat().resolvedOptions().locale, currency: 'USD', logo: null } });
    expect(await dispatchInvoke(core.services, viewer, 'tenants.settings', { tenantId: other })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatchInvoke(core.services, root, 'tenants.settings', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('lets the tenant admin change them, renames the tenant, audits it and tells the tenant', async () => {
    const pushed: BusEvent[] = [];
    const renamed: BusEvent[] = [];
    core.services.bus.subscribe(`tenant.${acme}.settings`, (e) => pushed.push(e));
    core.services.bus.subscribe('system.tenants', (e) => renamed.push(e));
    const saved = await dispatchInvoke(core.services, admin, 'tenants.updateSettings', KENYA);
    const expected = { tenantId: acme, ...KENYA, currency: 'KES' };
    expect(saved).toEqual({ ok: true, data: expected });
    expect(await dispatchInvoke(core.services, viewer, 'tenants.settings', {})).toEqual({ ok: true, data: expected });
    expect((await core.services.accounts.read((tx) => tx.tenants.get(acme)))?.name).toBe('Acme Net');
    expect(pushed.map((e) => [e.name, e.payload])).toEqual([['TenantSettingsChanged', expected]]);
    expect(renamed.map((e) => [e.name, (e.payload as { tenant: { name: string } }).tenant.name])).toEqual([['TenantUpdated', 'Acme Net']]);
    const audit = await dispatchInvoke(core.services, admin, 'audit.list', {});
    if (!audit.ok) throw new Error(audit.error.message);
    expect((audit.data as { entries: unknown[] }).entries[0]).toMatchObject({ action: 'settings.updated', targetType: 'tenant', targetId: acme, details: { timeZone: 'Africa/Nairobi', logo: `${PNG.length} characters` } });
  });

  it('refuses viewers, other tenants, taken names and every invalid field at once, changing nothing', async () => {
    expect(await dispatchInvoke(core.services, viewer, 'tenants.updateSettings', KENYA)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatchInvoke(core.services, admin, 'tenants.updateSettings', { ...KENYA, tenantId: other })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatchInvoke(core.services, admin, 'tenants.updateSettings', { ...KENYA, name: 'other net' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { fields: { name: 'already used by another tenant' } } },
    });
    const bad = await dispatchInvoke(core.services, admin, 'tenants.updateSettings', {
      name: 'Acme',
      timeZone: 'Mars/Olympus',
      locale: 'not a locale!',
      currency: 'XYZW',
      logo: 'data:image/svg+xml;base64,PHN2Zz4=',
    });
    if (bad.ok) throw new Error('accepted invalid settings');
    const fields = (bad.error.details as Array<{ path: string[] }>).map((issue) => issue.path[0]);
    expect(fields.sort()).toEqual(['currency', 'locale', 'logo', 'timeZone']);
    const huge = `data:image/png;base64,${'A'.repeat(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 100)}`;
    expect(await dispatchInvoke(core.services, admin, 'tenants.updateSettings', { ...KENYA, logo: huge })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /64 KiB/ } });
    expect(await dispatchInvoke(core.services, viewer, 'tenants.settings', {})).toMatchObject({ ok: true, data: { name: 'Acme', currency: 'USD', logo: null } });
  });

  it('lets a system admin change any tenant it names', async () => {
    expect(await dispatchInvoke(core.services, root, 'tenants.updateSettings', { ...KENYA, tenantId: other, name: 'Other Net' })).toMatchObject({ ok: true, data: { tenantId: other, locale: 'en-KE' } });
  });
});
