import { auditStoreContract } from './audit-store-contract';
import { credentialStoreContract } from './credential-store-contract';
import { routerStoreContract } from './router-store-contract';
import { settingsStoreContract } from './settings-store-contract';
import { signInStoreContract } from './sign-in-store-contract';
import { sqliteAccounts, sqliteRouters } from './sqlite-accounts-factory';
import { tenantStoreContract } from './tenant-store-contract';
import { twoFactorStoreContract } from './two-factor-store-contract';
import { accountsUnitOfWorkContract } from './unit-of-work-contract';
import { userStoreContract } from './user-store-contract';

// Every store of the accounts unit of work, against SQLite. A PostgreSQL implementation calls the same suites with its own factories.
accountsUnitOfWorkContract('SQLite', sqliteAccounts);
tenantStoreContract('SQLite', sqliteAccounts);
userStoreContract('SQLite', sqliteAccounts);
auditStoreContract('SQLite', sqliteAccounts);
signInStoreContract('SQLite', sqliteAccounts);
credentialStoreContract('SQLite', sqliteAccounts);
twoFactorStoreContract('SQLite', sqliteAccounts);
settingsStoreContract('SQLite', sqliteAccounts);
routerStoreContract('SQLite', sqliteRouters);
