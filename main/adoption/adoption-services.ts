import type { AccountsStore } from '../accounts/accounts-tx';
import type { BusinessStore } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import type { LiveRouters } from '../routers/live-routers';

/**
 * What the import from a router uses of the console (the core's services include it): the router's
 * record (the account stores), the business unit of work the import writes in, the router's menus
 * it reads, and the bus.
 */
export interface AdoptionServices {
  accounts: AccountsStore;
  business: BusinessStore;
  liveRouters: Pick<LiveRouters, 'menu'>;
  bus: Pick<EventBus, 'publish'>;
}
