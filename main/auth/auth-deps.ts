import type { AccountsStore } from '../accounts/accounts-tx';
import type { AuditLog } from '../audit/audit-log';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import type { JobEngine } from '../jobs/job-engine';
import type { Db } from '../store/database';
import type { TenantRepository } from '../tenants/tenant-repository';
import type { UserRepository } from '../users/user-repository';
import type { AuthService } from './auth-service';
import type { TwoFactorService } from './two-factor-service';

/**
 * What auth's own services (sign-in, two-factor, attempt tracking) reach of the console. The core's
 * services include it (and are built after these, so it is asked for lazily). Auth still writes
 * the account tables in its own synchronous transactions, not through the account stores' unit of
 * work: that is why the connection and the tables are named here.
 */
export interface AuthDeps {
  db: Db;
  users: UserRepository;
  tenants: Pick<TenantRepository, 'get'>;
  audit: AuditLog;
  bus: Pick<EventBus, 'publish'>;
  log: Logger;
  auth: AuthService;
  twoFactor: TwoFactorService;
  jobs: Pick<JobEngine, 'enqueue'>;
}

/** What the attempt-tracking job uses: the account stores and the bus. */
export interface AuthJobServices {
  accounts: AccountsStore;
  bus: Pick<EventBus, 'publish'>;
}
