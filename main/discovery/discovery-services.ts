import type { AuthService } from '../auth/auth-service';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';

/**
 * What discovery uses of the console (the core's services include it): the bus its devices go
 * out on, the log, and which sign-ins are still live (a closed window stops watching).
 */
export interface DiscoveryServices {
  bus: EventBus;
  log: Logger;
  auth: Pick<AuthService, 'sessionIdOf'>;
}
