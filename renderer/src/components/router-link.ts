import { useSyncExternalStore } from 'react';

/**
 * A link to one router in the Routers view, which shows it highlighted: `#/routers?router=5`,
 * with `tenant=` for a system admin coming from the all-tenants view (tenant-hash.ts reads it).
 * Another view reading `router=` (Online Users, PPPoE: filtered to it) takes the same link.
 */
export function routerHref(routerId: number, tenantId: number | null, view = 'routers'): string {
  const params = new URLSearchParams();
  if (tenantId !== null) params.set('tenant', String(tenantId));
  params.set('router', String(routerId));
  return `#/${view}?${params.toString()}`;
}

/** The router a link asked to show, from the hash; null when none. */
export function routerFromHash(hash: string): number | null {
  const value = new URLSearchParams(hash.split('?')[1] ?? '').get('router');
  const id = value === null ? NaN : Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The router the URL points at (an alert's link), following back/forward. */
export function useLinkedRouter(): number | null {
  return useSyncExternalStore(subscribe, () => routerFromHash(window.location.hash));
}
