import { useSyncExternalStore } from 'react';
import { hashParam } from '../../stores/hash-params';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * A parameter of the URL hash that navigates (a link sets it, Back clears it): the subscriber
 * or batch a page shows (`#/subscribers?subscriber=12`). Filters are written with replaceState
 * instead and are read once, at mount.
 */
export function useHashValue(name: string): string | null {
  return useSyncExternalStore(subscribe, () => hashParam(window.location.hash, name));
}
