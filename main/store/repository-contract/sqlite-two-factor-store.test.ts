import { sqliteAccounts } from './sqlite-accounts-factory';
import { twoFactorStoreContract } from './two-factor-store-contract';

twoFactorStoreContract('SQLite', sqliteAccounts);
