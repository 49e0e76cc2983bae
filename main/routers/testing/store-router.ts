import type { AccountsStore } from '../../accounts/accounts-tx';
import type { RouterRecord, RouterSettings } from '../router-store';

const defaults: Omit<RouterSettings, 'name'> = { host: '127.0.0.1', port: 9, tls: 'off', username: 'api', site: '', notes: '', encoding: 'utf-8' };

/** A router's settings for a test that stores it inside its own unit of work: these defaults (nothing listens on port 9), and what it names. */
export function routerSettings(settings: Partial<RouterSettings> & { name: string }): RouterSettings {
  return { ...defaults, ...settings };
}

/**
 * Stores a router through the accounts store and nothing else: no audit entry, no RouterAdded, so
 * no connection is started (tests of what reads the routers: the dashboard, stored secrets).
 */
export function storeRouter(services: { accounts: AccountsStore }, tenantId: number, settings: Partial<RouterSettings> & { name: string }, password = 'p'): Promise<RouterRecord> {
  return services.accounts.run((tx) => tx.routers.add(tenantId, routerSettings(settings), password, new Date()));
}
