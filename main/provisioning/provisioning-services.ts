import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { RouterMenuServices } from '../routers/router-services';

/**
 * What router provisioning uses of the console (the core's services include it): the business
 * unit of work (templates, runs, plans, the job queue), the routers' connections and live status,
 * the bus and the log.
 */
export interface ProvisioningServices extends RouterMenuServices {
  business: BusinessStore;
  bus: Pick<EventBus, 'publish' | 'on'>;
  log: Logger;
}
