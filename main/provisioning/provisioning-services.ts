import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { LiveRouters } from '../routers/live-routers';
import type { RouterStatusBoard } from '../routers/router-status-board';

/**
 * What router provisioning uses of the console (the core's services include it): the business
 * unit of work (templates, runs, plans, the job queue), the routers' connections and live status,
 * the bus and the log.
 */
export interface ProvisioningServices {
  business: BusinessStore;
  liveRouters: Pick<LiveRouters, 'menu'>;
  routerStatus: Pick<RouterStatusBoard, 'get'>;
  bus: Pick<EventBus, 'publish' | 'on'>;
  log: Logger;
}
