import { useEffect } from 'react';
import type { TenantSettings } from '../../../main/tenants/tenant-settings-contract';
import { api } from '../bridge/api';
import { attachLiveChannel } from '../bridge/live-channel';
import { useViewTenant } from '../stores/use-view-tenant';
import { setTenantLocale } from './locale-store';

/**
 * Keeps the locale store on the tenant on screen: one `tenants.settings`, then
 * TenantSettingsChanged on `tenant.{id}.settings`. Mounted once, in the app frame.
 */
export function useTenantLocale(): void {
  const { tenantId, isSystemAdmin } = useViewTenant();
  useEffect(() => {
    if (tenantId === null) {
      setTenantLocale(null);
      return undefined;
    }
    return attachLiveChannel<TenantSettings>({
      channel: `tenant.${tenantId}.settings`,
      fetchSnapshot: () => api.invoke('tenants.settings', isSystemAdmin ? { tenantId } : {}),
      onSnapshot: setTenantLocale,
      onEvent: (name, payload) => name === 'TenantSettingsChanged' && setTenantLocale(payload as TenantSettings),
      // Without the tenant's settings the browser's own apply; the views say what failed.
      onError: () => setTenantLocale(null),
    });
  }, [tenantId, isSystemAdmin]);
}
