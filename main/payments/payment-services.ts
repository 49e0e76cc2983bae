import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';

/**
 * What payments use of the console (the core's services include it): the business unit of work,
 * the bus (events after commit; the webhook endpoint drops a tenant's cached settings when they
 * change) and the log.
 */
export interface PaymentServices {
  business: BusinessStore;
  bus: Pick<EventBus, 'publish' | 'on'>;
  log: Logger;
}
