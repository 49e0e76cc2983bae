import { useSyncExternalStore } from 'react';
import { DEFAULT_VIEW, NAV_ITEMS } from './navigation';
import { viewOfHash } from '../stores/tenant-hash';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function current(): string {
  const id = viewOfHash(window.location.hash);
  return NAV_ITEMS.some((item) => item.id === id) ? id : DEFAULT_VIEW;
}

/** The current view id from the URL hash (#/jobs, #/jobs?tenant=3), so reloads and links keep the view. */
export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, current);
}
