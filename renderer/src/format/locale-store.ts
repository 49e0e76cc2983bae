import { create } from 'zustand';
import type { TenantSettings } from '../../../main/tenants/tenant-settings-contract';
import type { LocaleSettings } from './locale';

export interface LocaleState {
  /** The company settings of the tenant on screen; null: none (signed out, or no tenant chosen). */
  tenant: TenantSettings | null;
}

export const initialLocaleState: LocaleState = { tenant: null };

/**
 * Whose locale, time zone and currency the renderer formats with: the tenant on screen. Filled by
 * tenant-locale-live.ts (a snapshot, then TenantSettingsChanged). Pure zustand: loads under node tests.
 */
export const useLocaleStore = create<LocaleState>(() => initialLocaleState);

const NONE: LocaleSettings = {};

export const localeSelectors = {
  tenant: (s: LocaleState) => s.tenant,
  /** The tenant's settings, or the browser's own (an empty object, same identity) when there is none. */
  settings: (s: LocaleState): LocaleSettings => s.tenant ?? NONE,
};

/**
 * The settings to format with right now, for formatters called without settings (column
 * definitions, chart axes). Such a caller shows a new locale at its next render; components that
 * must re-render at once on a change subscribe through useFormat.
 */
export function tenantLocaleNow(): LocaleSettings {
  return localeSelectors.settings(useLocaleStore.getState());
}

export function setTenantLocale(tenant: TenantSettings | null): void {
  useLocaleStore.setState({ tenant });
}

export function resetLocaleStore(): void {
  useLocaleStore.setState(initialLocaleState, true);
}
