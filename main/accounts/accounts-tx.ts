import type { AuditStore } from '../audit/audit-store';
import type { CredentialStore } from '../auth/credential-store';
import type { SignInAttemptStore } from '../auth/sign-in-attempt-store';
import type { SignInSessionStore } from '../auth/sign-in-session-store';
import type { TwoFactorEnrolmentStore } from '../auth/two-factor-enrolment-store';
import type { JobQueue } from '../jobs/job-queue';
import type { RouterStore } from '../routers/router-store';
import type { TransactionHooks, UnitOfWork } from '../store/unit-of-work';
import type { SettingsStore } from '../system/settings-store';
import type { TenantStore } from '../tenants/tenant-store';
import type { UserStore } from '../users/user-store';

/**
 * One transaction of the domains that came before the storage seam (tenants, users, audit,
 * sign-in records and two-factor enrolments, settings, routers): the stores they read and write
 * through, the job queue (jobs enqueued here commit with the change), and after-commit hooks for
 * events. The storage seam of DESIGN.md, like BusinessTx for the business domains.
 */
export interface AccountsTx extends TransactionHooks {
  tenants: TenantStore;
  users: UserStore;
  audit: AuditStore;
  signInSessions: SignInSessionStore;
  signInAttempts: SignInAttemptStore;
  /** Password hashes, for sign-in and password checks only. */
  credentials: CredentialStore;
  /** Two-factor enrolments (secrets sealed at rest), recovery codes, tenants' sign-in policies. */
  twoFactor: TwoFactorEnrolmentStore;
  /** The console's settings (auth, backup, retention, …), one validated value per key. */
  settings: SettingsStore;
  /** The tenants' routers (settings, sealed credentials, pinned certificates); audited with their changes. */
  routers: RouterStore;
  jobs: JobQueue;
}

export type AccountsStore = UnitOfWork<AccountsTx>;
