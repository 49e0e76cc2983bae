import type { AccountsStore } from '../accounts/accounts-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { AuthService } from './auth-service';
import type { TwoFactorService } from './two-factor-service';

/**
 * What auth's own services (sign-in, two-factor) reach of the console: the account stores, through
 * their unit of work only, and each other. The core's services include it (and are built after
 * these, so it is asked for lazily).
 */
export interface AuthDeps {
  accounts: AccountsStore;
  log: Logger;
  auth: AuthService;
  twoFactor: TwoFactorService;
}

/** What the attempt-tracking job uses: the account stores and the bus. */
export interface AuthJobServices {
  accounts: AccountsStore;
  bus: Pick<EventBus, 'publish'>;
}
