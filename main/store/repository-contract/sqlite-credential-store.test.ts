import { credentialStoreContract } from './credential-store-contract';
import { sqliteAccounts } from './sqlite-accounts-factory';

credentialStoreContract('SQLite', sqliteAccounts);
