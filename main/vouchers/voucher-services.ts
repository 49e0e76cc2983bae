import type { BusinessStore } from '../business/business-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { RouterMenuServices } from '../routers/router-services';

/**
 * What vouchers use of the console (the core's services include it): the business unit of work,
 * the routers' menus (batches pushed, spent vouchers expired) and live status (expiry waits for a
 * router that is down), the bus (events after commit; routers coming back and hotspot logins),
 * the log, and the data folder that keeps rendered sheets.
 */
export interface VoucherServices extends RouterMenuServices {
  business: BusinessStore;
  bus: Pick<EventBus, 'publish' | 'on'>;
  log: Logger;
  dataDir: string;
}
