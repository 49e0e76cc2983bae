import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { RouterStatusBoard } from '../routers/router-status-board';

/**
 * What notifications use of the console (the core's services include it): the business unit of
 * work (settings, the centre, deliveries, the job queue), the bus (events after commit, and the
 * other domains' events that staff rules follow), the routers' live status (a router still down
 * when its outage check is due) and the log.
 */
export interface NotificationServices {
  business: BusinessStore;
  bus: Pick<EventBus, 'publish' | 'on'>;
  routerStatus: Pick<RouterStatusBoard, 'get'>;
  log: Logger;
}
