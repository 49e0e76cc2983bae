import type { AccountsStore } from '../accounts/accounts-tx';
import type { Logger } from '../core/logger';

/**
 * What data retention uses of the console (the core's services include it): the account stores'
 * unit of work (the setting with its audit entry, and the rows the sweep deletes) and the log.
 */
export interface RetentionServices {
  accounts: AccountsStore;
  log: Logger;
}
