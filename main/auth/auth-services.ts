import type { AuthService } from './auth-service';
import type { FirstRunServices } from './first-run';
import type { TwoFactorService } from './two-factor-service';

/**
 * What the auth handlers use of the console (the core's services include it): the sign-in and
 * two-factor services of this domain, and what the first run needs (the account stores, the bus).
 */
export interface AuthServices extends FirstRunServices {
  auth: AuthService;
  twoFactor: TwoFactorService;
}
