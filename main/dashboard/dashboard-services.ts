import type { BusinessStore } from '../business/business-tx';
import type { DashboardService } from './dashboard-service';

/**
 * What the dashboard's handlers and history jobs use of the console (the core's services include
 * it): the live dashboard (snapshots, the routers' current figures) and the business unit of work
 * (the persisted history, the tenant check of a router).
 */
export interface DashboardServices {
  dashboard: Pick<DashboardService, 'snapshot' | 'routerFigures'>;
  business: BusinessStore;
}
