import type { BusinessStore } from '../business/business-tx';

/** What reports use of the console (the core's services include it): they only read the business store. */
export interface ReportServices {
  business: Pick<BusinessStore, 'read'>;
}
