import type { AccountsStore } from '../accounts/accounts-tx';
import type { EventBus } from '../events/event-bus';
import type { LiveRouters } from '../routers/live-routers';
import type { SessionHub } from './session-hub';

/**
 * What the online users' handlers and the disconnect job use of the console (the core's services
 * include it): the live sessions, the account stores (the router of a disconnect, its audit entry
 * and job), the routers' connections for the kick, and the bus.
 */
export interface SessionServices {
  accounts: AccountsStore;
  sessions: Pick<SessionHub, 'hotspotSnapshot' | 'pppoeSnapshot' | 'hotspotSession' | 'pppoeSession' | 'tenantOfKey'>;
  liveRouters: Pick<LiveRouters, 'kick'>;
  bus: Pick<EventBus, 'publish'>;
}
