import type { BusinessStore } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import type { LiveRouters } from '../routers/live-routers';

/**
 * What subscriptions use of the console (the core's services include it): the business unit of
 * work, the routers' menus (accounts brought in line, live sessions ended) and the bus for events
 * after commit.
 */
export interface SubscriptionServices {
  business: BusinessStore;
  liveRouters: Pick<LiveRouters, 'menu'>;
  bus: Pick<EventBus, 'publish'>;
}
