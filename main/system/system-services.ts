import type { LiveRouters } from '../routers/live-routers';
import type { ProcessMetrics } from './process-metrics';
import type { StatusService } from './status-service';

/** What the system invokes use of the console (the core's services include it): its status, the process's figures and the router shards' restarts. */
export interface SystemServices {
  status: Pick<StatusService, 'current' | 'withDataDir'>;
  metrics: Pick<ProcessMetrics, 'read'>;
  liveRouters: Pick<LiveRouters, 'shardRestarts'>;
}
