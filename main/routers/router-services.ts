import type { AccountsStore } from '../accounts/accounts-tx';
import type { AuthService } from '../auth/auth-service';
import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { JobEngine } from '../jobs/job-engine';
import type { LiveRouters } from './live-routers';
import type { RouterStatusBoard } from './router-status-board';

/**
 * What the routers list's handlers use of the console (the core's services include it): the
 * account stores (the routers with their audit entries, the tenant check), live status and the bus.
 */
export interface RouterServices {
  accounts: AccountsStore;
  routerStatus: Pick<RouterStatusBoard, 'get' | 'forget'>;
  bus: Pick<EventBus, 'publish'>;
}

/** What a domain that writes to routers uses of them: their connections' menu commands, and their live status (a router that is down waits). */
export interface RouterMenuServices {
  liveRouters: Pick<LiveRouters, 'menu'>;
  routerStatus: Pick<RouterStatusBoard, 'get'>;
}

/** What the draft test (the Add/Edit form's "Test") uses: it only queues the job. */
export interface RouterDraftTestServices {
  jobs: Pick<JobEngine, 'enqueue'>;
}

/** What the router jobs use: the routers' records, their connections and status, the bus, and the business store for interface history. */
export interface RouterJobServices {
  accounts: AccountsStore;
  business: BusinessStore;
  liveRouters: Pick<LiveRouters, 'poll' | 'test' | 'testDraft' | 'menu'>;
  routerStatus: Pick<RouterStatusBoard, 'get'>;
  bus: Pick<EventBus, 'publish'>;
}

/**
 * What the router page uses (its handlers and the watch service made per core): the routers'
 * records, their streams and status, interface history, the bus, the log, and which sign-ins are live.
 */
export interface RouterWatchServices {
  accounts: AccountsStore;
  business: BusinessStore;
  liveRouters: Pick<LiveRouters, 'setLive' | 'menu' | 'liveData'>;
  routerStatus: RouterStatusBoard;
  bus: EventBus;
  log: Logger;
  auth: Pick<AuthService, 'sessionIdOf'>;
}
