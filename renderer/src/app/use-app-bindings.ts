import { useEffect } from 'react';
import { useTenantLocale } from '../format/tenant-locale-live';
import { ensureAuthBooted } from '../views/account/auth-actions';

/**
 * What the frame itself needs from the backend on every view: who is signed in (the side bar and
 * top bar follow it, also on the public views) and the locale of the tenant on screen.
 */
export function useAppBindings(): void {
  useEffect(() => void ensureAuthBooted(), []);
  useTenantLocale();
}
