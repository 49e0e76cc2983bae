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

export function setTenantLocale(tenant: TenantSettings | null): void {
  useLocaleStore.setState({ tenant });
}

export function resetLocaleStore(): void {
  useLocaleStore.setState(initialLocaleState, true);
}
