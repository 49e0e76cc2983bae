import type { CoreServices } from '../core/services';

/**
 * The one place that says what happens after each event: every domain listener is registered
 * here, so reading this file tells the whole story. Returns a function that removes them all.
 */
export function registerListeners(services: CoreServices): () => void {
  const { bus, dashboard } = services;
  const touchDashboard = (_payload: unknown, meta: { tenantId?: number }) => {
    if (meta.tenantId !== undefined) dashboard.markDirty(meta.tenantId);
  };
  const removers: Array<() => void> = [
    // Live figures feed the tenant's dashboard and the all-tenants one.
    bus.on('HotspotSessionsChanged', touchDashboard),
    bus.on('PppoeSessionsChanged', touchDashboard),
    bus.on('RouterStatusChanged', touchDashboard),
    bus.on('RouterAdded', touchDashboard),
    bus.on('RouterRemoved', touchDashboard),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
