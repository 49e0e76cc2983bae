import type { AccountsStore } from '../accounts/accounts-tx';
import type { EventBus } from '../events/event-bus';

/**
 * What the tenants domain's handlers and jobs use of the console (the core passes all of its
 * services, which include these): the account stores, the bus for events after commit, and
 * whether self-registration is switched on (an auth setting).
 */
export interface TenantServices {
  accounts: AccountsStore;
  bus: Pick<EventBus, 'publish'>;
  auth: { settings(): { selfRegistration: boolean } };
}
