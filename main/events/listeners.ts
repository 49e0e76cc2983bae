import type { CoreServices } from '../core/services';
import { tenantSummary } from '../tenants/tenant-jobs';
import { provisioningListeners } from '../provisioning/provisioning-listeners';
import { subscriberListeners } from '../subscribers/subscriber-listeners';
import { voucherListeners } from '../vouchers/voucher-listeners';
import { notificationListeners } from '../notifications/notification-listeners';
import { webhookListeners } from '../webhooks/webhook-listeners';
import { discoveryListeners } from '../discovery/discovery-registry';
import { routerWatchListeners } from '../routers/router-watch-registry';

/**
 * The one place that says what happens after each event: every domain listener is registered
 * here, so reading this file tells the whole story. Returns a function that removes them all.
 */
export function registerListeners(services: CoreServices): () => void {
  const { bus, dashboard, liveRouters } = services;
  const touchDashboard = (_payload: unknown, meta: { tenantId?: number }) => {
    if (meta.tenantId !== undefined) dashboard.markDirty(meta.tenantId);
  };
  // Reads the router's settings as committed (events go out after their unit of work).
  const watchRouter = ({ id }: { id: number }) => liveRouters.watch(id);
  const recountTenant = (_payload: unknown, { tenantId }: { tenantId?: number }) => {
    if (tenantId === undefined) return;
    services.accounts
      .read((tx) => tx.tenants.listRow(tenantId))
      .then((row) => row && bus.publish('TenantUpdated', { tenant: tenantSummary(row, row.userCount) }))
      .catch((error: unknown) => services.log.warn('tenant user count not announced', { tenantId, error: String(error) }));
  };
  const removers: Array<() => void> = [
    // A router added or changed is (re)connected with its new settings; a removed one is dropped.
    bus.on('RouterAdded', watchRouter),
    bus.on('RouterUpdated', watchRouter),
    bus.on('RouterRemoved', ({ id }, meta) => liveRouters.unwatch(id, meta.tenantId!)),
    // Live figures feed the tenant's dashboard and the all-tenants one.
    bus.on('HotspotSessionsChanged', touchDashboard),
    bus.on('PppoeSessionsChanged', touchDashboard),
    bus.on('RouterStatusChanged', touchDashboard),
    bus.on('RouterAdded', touchDashboard),
    bus.on('RouterRemoved', touchDashboard),
    // The system admins' Tenants view shows each tenant's user count.
    bus.on('UserCreated', recountTenant),
    bus.on('UserDeleted', recountTenant),
    // A changed or deleted user's live connections follow at once: those whose session the change
    // ended (new password, new role, disabled, deleted) are signed out, the rest take the new role.
    bus.on('UserUpdated', ({ id }) => void services.auth.userChanged(id)),
    bus.on('UserDeleted', ({ id }) => void services.auth.userChanged(id)),
    // Plans and subscribers that waited for a router are pushed when it is back online.
    ...provisioningListeners(services),
    // Subscribers' sessions become their history and last-seen time.
    ...subscriberListeners(services),
    // Vouchers: pushes waiting for a router go when it is online; a login with an unused code activates it.
    ...voucherListeners(services),
    // Staff notifications: routers down/back/refused/CPU, jobs failed for good, payments (rules in Settings → Notifications).
    ...notificationListeners(services),
    // Allow-listed events go out to the tenants' event webhooks (one signed delivery per subscription).
    ...webhookListeners(services),
    // Closing the core closes the discovery port (open only while someone watches).
    ...discoveryListeners(services),
    // Router pages: a removed router's closes; closing the core stops the routers' streams.
    ...routerWatchListeners(services),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
