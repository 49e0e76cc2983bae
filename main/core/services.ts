import type { EventBus } from '../events/event-bus';
import type { StatusService } from '../system/status-service';
import type { ProcessMetrics } from '../system/process-metrics';
import type { HostKind } from '../system/contract';
import type { Logger } from './logger';
import type { SecretBox } from '../secrets/secret-box';
import type { RouterStatusBoard } from '../routers/router-status-board';
import type { SessionHub } from '../sessions/session-hub';
import type { DashboardService } from '../dashboard/dashboard-service';
import type { LiveRouters } from '../routers/live-routers';
import type { JobEngine } from '../jobs/job-engine';
import type { AuthService } from '../auth/auth-service';
import type { TwoFactorService } from '../auth/two-factor-service';
import type { BusinessStore } from '../business/business-tx';
import type { AccountsStore } from '../accounts/accounts-tx';
import type { StoreBackup } from '../backup/store-backup';

/** Host capabilities the core asks for; each host supplies its own. */
export interface HostAdapter {
  kind: HostKind;
  /** Encrypts secrets at rest (router credentials): OS keychain or a 0600 key file. */
  secrets: SecretBox;
}

/** Everything a handler or listener may use. Built once by startCore. */
export interface CoreServices {
  bus: EventBus;
  log: Logger;
  status: StatusService;
  metrics: ProcessMetrics;
  routerStatus: RouterStatusBoard;
  sessions: SessionHub;
  dashboard: DashboardService;
  liveRouters: LiveRouters;
  /** The durable job engine: enqueue work (inside your own transaction if you have one). */
  jobs: JobEngine;
  /** Sign-in, sessions and their expiry; which connection is signed in as whom. */
  auth: AuthService;
  /** Two-factor sign-in: the code step, the enrolment restriction, each user's enrolment. */
  twoFactor: TwoFactorService;
  /**
   * The domains older than the storage seam (tenants, users, audit, sign-in, two-factor, settings,
   * routers): stores behind a unit of work. No domain gets the SQLite handle itself.
   */
  accounts: AccountsStore;
  /** Plans, subscribers, vouchers and their provisioning: repositories behind a unit of work (the storage seam). */
  business: BusinessStore;
  /** The store's online copy of itself, for backups. */
  storeBackup: StoreBackup;
  host: HostAdapter;
  dataDir: string;
  version: string;
}

// Main-process job handlers get these services (jobs/define-job.ts asks the core to name them).
declare module '../jobs/define-job' {
  interface JobServicesRegistry {
    services: CoreServices;
  }
}
