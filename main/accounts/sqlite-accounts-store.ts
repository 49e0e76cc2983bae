import { AuditLog } from '../audit/audit-log';
import { sqliteAuditStore } from '../audit/sqlite-audit-store';
import { AuthSessionStore } from '../auth/auth-session-store';
import { SignInAttempts } from '../auth/sign-in-attempts';
import { sqliteCredentialStore, sqliteSignInAttemptStore, sqliteSignInSessionStore } from '../auth/sqlite-sign-in-stores';
import { sqliteTwoFactorStore } from '../auth/sqlite-two-factor-store';
import { TwoFactorStore } from '../auth/two-factor-store';
import type { EventBus } from '../events/event-bus';
import type { JobQueue } from '../jobs/job-queue';
import { RouterRepository } from '../routers/router-repository';
import { sqliteRouterStore } from '../routers/sqlite-router-store';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import { SqliteUnitOfWork } from '../store/sqlite-unit-of-work';
import { sqliteSettingsStore } from '../system/sqlite-settings-store';
import { sqliteTenantStore } from '../tenants/sqlite-tenant-store';
import { TenantRepository } from '../tenants/tenant-repository';
import { sqliteUserStore } from '../users/sqlite-user-store';
import { UserRepository } from '../users/user-repository';
import type { AccountsStore, AccountsTx } from './accounts-tx';

export interface SqliteAccountsDeps {
  db: Db;
  bus: EventBus;
  /** Enqueues on the same connection: inside a unit of work the job commits with it. */
  jobs: JobQueue;
  /** Seals and opens router passwords and TOTP secrets at rest. */
  secrets: SecretBox;
}

/**
 * The account domains' store on the console's SQLite file. The tables' statements run on the one
 * connection; each unit of work gets the stores with its own hooks.
 */
export function sqliteAccountsStore(deps: SqliteAccountsDeps): AccountsStore {
  const { db } = deps;
  const userTable = new UserRepository(db);
  const users = sqliteUserStore(userTable);
  const auditLog = new AuditLog(db, deps.bus);
  const signInSessions = sqliteSignInSessionStore(new AuthSessionStore(db));
  const signInAttempts = sqliteSignInAttemptStore(new SignInAttempts(db));
  const credentials = sqliteCredentialStore(userTable);
  const twoFactor = sqliteTwoFactorStore(new TwoFactorStore(db, deps.secrets));
  const settings = sqliteSettingsStore(db);
  const tenants = sqliteTenantStore(new TenantRepository(db), settings);
  const routers = sqliteRouterStore(new RouterRepository(db, deps.secrets));
  return new SqliteUnitOfWork<AccountsTx>(db, (_db, hooks) => ({
    tenants,
    users,
    audit: sqliteAuditStore(auditLog, hooks),
    signInSessions,
    signInAttempts,
    credentials,
    twoFactor,
    settings,
    routers,
    jobs: deps.jobs,
    afterCommit: hooks.afterCommit,
  }));
}
