import type { AccountsStore } from '../accounts/accounts-tx';

/** What the audit log's handlers use of the console (the core's services include it): the account stores. */
export interface AuditServices {
  accounts: AccountsStore;
}
