import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { LiveRouters } from '../routers/live-routers';

/**
 * What subscribers use of the console (the core's services include it): the business unit of
 * work, the routers' menus (accounts written with their plan's profile first), the bus (events
 * after commit; sessions seen on routers become the subscribers' history) and the log.
 */
export interface SubscriberServices {
  business: BusinessStore;
  liveRouters: Pick<LiveRouters, 'menu'>;
  bus: Pick<EventBus, 'publish' | 'on'>;
  log: Logger;
}
