import type { AccountsStore } from '../accounts/accounts-tx';
import type { EventBus } from '../events/event-bus';
import type { StoreBackup } from './store-backup';

/**
 * What backups use of the console (the core's services include it): the account stores' unit of
 * work (the keep-N setting with its audit entry, the job queue), the store's own copy of itself,
 * the bus for BackupsChanged, and the data folder the backups folder lives in.
 */
export interface BackupServices {
  accounts: AccountsStore;
  storeBackup: StoreBackup;
  bus: Pick<EventBus, 'publish'>;
  dataDir: string;
}
