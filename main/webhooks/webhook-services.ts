import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';

/**
 * What event webhooks use of the console (the core's services include it): the business unit of
 * work, the bus (events after commit, and the tenants' events that become deliveries) and the log.
 */
export interface WebhookServices {
  business: BusinessStore;
  bus: Pick<EventBus, 'publish' | 'on'>;
  log: Logger;
}
