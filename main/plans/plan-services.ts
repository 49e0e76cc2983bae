import type { BusinessStore } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import type { RouterMenuServices } from '../routers/router-services';

/**
 * What plans use of the console (the core's services include it): the business unit of work,
 * the routers' menus (profiles read and written), their live status (the drift check skips
 * routers that are not online) and the bus for events after commit.
 */
export interface PlanServices extends RouterMenuServices {
  business: BusinessStore;
  bus: Pick<EventBus, 'publish'>;
}
