import { z } from 'zod';
import type { SettingsStore } from '../system/settings-store';
import { tenantSettingsFields, type TenantSettings } from './tenant-settings-contract';
import type { TenantRecord } from './tenant-repository';

/** What is kept in the settings per tenant; the name is the tenant's own. */
const storedSchema = z.object({
  timeZone: tenantSettingsFields.timeZone,
  locale: tenantSettingsFields.locale,
  currency: tenantSettingsFields.currency,
  logo: tenantSettingsFields.logo,
});
export type StoredTenantSettings = z.output<typeof storedSchema>;

const keyOf = (tenantId: number) => `tenant.${tenantId}.company`;

/**
 * Until its admin says otherwise a tenant reads dates in the host's own zone and locale (the
 * machine it was set up on is usually in the same place), and amounts in US dollars.
 */
export function defaultTenantSettings(): StoredTenantSettings {
  const host = Intl.DateTimeFormat().resolvedOptions();
  return { timeZone: host.timeZone, locale: host.locale, currency: 'USD', logo: null };
}

export async function readTenantSettings(settings: SettingsStore, tenant: TenantRecord): Promise<TenantSettings> {
  const stored = (await settings.read(keyOf(tenant.id), storedSchema)) ?? defaultTenantSettings();
  return { tenantId: tenant.id, name: tenant.name, ...stored };
}

/** Stores the zone, locale, currency and logo (inside the caller's transaction); the name is the repository's. */
export async function writeTenantSettings(settings: SettingsStore, tenantId: number, value: StoredTenantSettings, now: number): Promise<void> {
  await settings.write(keyOf(tenantId), storedSchema, value, now);
}
