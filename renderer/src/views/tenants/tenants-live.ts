import type { TenantCreatedEvent } from '../../../../main/tenants/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { rememberTenants } from '../../stores/tenant-scope-store';
import { tenantsActions } from './tenants-store';

/** Live binding of the Tenants view (system admins): a snapshot, then TenantCreated and TenantUpdated. */
export function attachTenants(): () => void {
  return attachLiveChannel({
    channel: 'system.tenants',
    fetchSnapshot: () => api.invoke('tenants.list', {}),
    onSnapshot: ({ tenants }) => {
      tenantsActions.snapshot(tenants);
      rememberTenants(tenants);
    },
    onEvent: (name, payload) => {
      if (name !== 'TenantCreated' && name !== 'TenantUpdated') return;
      const { tenant } = payload as TenantCreatedEvent;
      tenantsActions.upsert(tenant);
      rememberTenants([tenant]);
    },
    onError: tenantsActions.failed,
  });
}
