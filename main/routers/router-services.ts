import type { AccountsStore } from '../accounts/accounts-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { RouterRepository } from './router-repository';
import type { RouterStatusBoard } from './router-status-board';

/**
 * What the routers list's handlers use of the console (the core's services include it): the
 * router table (still written directly, not yet through a unit of work), live status, the account
 * stores for the tenant check and the audit entries, the bus and the log.
 */
export interface RouterServices {
  accounts: AccountsStore;
  routers: RouterRepository;
  routerStatus: Pick<RouterStatusBoard, 'get' | 'forget'>;
  bus: Pick<EventBus, 'publish'>;
  log: Logger;
}
