import { join } from 'node:path';
import pkg from '../../package.json';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrator';
import { allMigrations } from '../store/migrations';
import { EventBus } from '../events/event-bus';
import { registerListeners } from '../events/listeners';
import { StatusService } from '../system/status-service';
import { ProcessMetrics } from '../system/process-metrics';
import { RouterRepository } from '../routers/router-repository';
import { sqliteRouterStore } from '../routers/sqlite-router-store';
import { RouterStatusBoard } from '../routers/router-status-board';
import { SessionHub } from '../sessions/session-hub';
import { DashboardService } from '../dashboard/dashboard-service';
import { LiveRouters } from '../routers/live-routers';
import type { ShardConnectionOptions } from '../routers/io/shard-protocol';
import { resolveWorkerFile } from './worker-file';
import { JobEngine } from '../jobs/job-engine';
import { AuthService } from '../auth/auth-service';
import { TwoFactorService } from '../auth/two-factor-service';
import { TenantRepository } from '../tenants/tenant-repository';
import { AuditLog } from '../audit/audit-log';
import { sqliteBusinessStore } from '../business/sqlite-business-store';
import { sqliteAccountsStore } from '../accounts/sqlite-accounts-store';
import { sqliteStoreBackup } from '../backup/sqlite-store-backup';
import { ClientConnection } from '../connection/client-connection';
import type { InvokeDispatch } from '../connection/connection-services';
import { InvokeLimits, type InvokeLimitOptions } from '../connection/invoke-limits';
import { peerAddress } from '../connection/peer-address';
import type { ServerMessage } from '../contract/protocol';
import { dispatchInvoke } from './dispatch';
import { createLogger, type Logger } from './logger';
import type { Db } from '../store/database';
import type { CoreServices, HostAdapter } from './services';

export interface CoreOptions {
  dataDir: string;
  host: HostAdapter;
  log?: Logger;
  /** Router shard worker file (tests, benchmarks); found next to the bundle or as TS source otherwise. */
  routerShardWorker?: string;
  /** Router connection timings (tests); RouterConnection's defaults otherwise. */
  routerConnection?: ShardConnectionOptions;
  /** Rate limits on invokes and sign-ins (tests raise or lower them). @defaultValue DEFAULT_INVOKE_LIMITS */
  invokeLimits?: Partial<InvokeLimitOptions>;
}

/** Worker threads that hold router connections (the machine's cores are shared with the pool). */
const ROUTER_SHARDS = 2;

export interface Core {
  services: CoreServices;
  /**
   * The SQLite file behind the stores, for what looks at data at rest from outside: tests that
   * check a secret is sealed, benchmarks and end-to-end fixtures that seed a fleet. Domains never
   * get it: they reach storage through CoreServices' units of work.
   */
  db: Db;
  /** Answers an invoke of a session as a client's would be answered (the demo's sales use it). */
  dispatch: InvokeDispatch;
  /** Attaches a client; the host moves its messages in (receive) and out (send). */
  connect(send: (message: ServerMessage) => void, peer?: { remoteAddress?: string }): ClientConnection;
  close(): Promise<void>;
}

/** Opens the store, applies migrations, wires the bus and listeners. Knows no host. */
export async function startCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? createLogger();
  const db = openDatabase(join(options.dataDir, 'noc.db'));
  let schemaVersion: number;
  try {
    schemaVersion = migrate(db, allMigrations);
  } catch (error) {
    db.close();
    throw error;
  }
  const bus = new EventBus(log);
  const status = new StatusService(
    bus,
    {
      version: pkg.version,
      host: options.host.kind,
      schemaVersion,
    },
    options.dataDir,
  );
  const metrics = new ProcessMetrics();
  metrics.start();
  const jobs = new JobEngine({ db, bus, log: log.child({ component: 'jobs' }), dataDir: options.dataDir, services: () => services });
  const accounts = sqliteAccountsStore({ db, bus, secrets: options.host.secrets, jobs: { enqueue: async (name, payload, opts) => jobs.enqueue(name, payload, opts) } });
  // Passwords sealed by an older scheme are sealed again under the data key; unreadable ones are logged by router.
  await accounts.run((tx) => tx.routers.upgradeSecrets(log.child({ component: 'routers' })));
  const routerStatus = new RouterStatusBoard();
  const sessions = new SessionHub(bus);
  const tenants = new TenantRepository(db);
  const tenantNames = () => new Map(tenants.list().map((t) => [t.id, t.name]));
  const dashboard = new DashboardService({ bus, accounts, routerStatus, sessions, tenantNames, log: log.child({ component: 'dashboard' }) });
  const routerData = jobs.queueTable.find((q) => q.name === 'router-data');
  const liveRouters = new LiveRouters({
    accounts,
    routerStatus,
    sessions,
    bus,
    log,
    io: {
      shards: ROUTER_SHARDS,
      memoryMb: routerData?.memoryMb ?? 128,
      worker: resolveWorkerFile('router-shard', options.routerShardWorker),
      connection: options.routerConnection,
    },
  });
  const audit = new AuditLog(db, bus);
  const business = sqliteBusinessStore({ db, secrets: options.host.secrets, jobs, tenants, routers: sqliteRouterStore(new RouterRepository(db, options.host.secrets)), audit });
  const services: CoreServices = {
    bus,
    log,
    status,
    metrics,
    routerStatus,
    sessions,
    dashboard,
    liveRouters,
    jobs,
    auth: new AuthService({ services: () => services }),
    twoFactor: new TwoFactorService({ services: () => services }),
    accounts,
    business,
    storeBackup: sqliteStoreBackup(db),
    host: options.host,
    dataDir: options.dataDir,
    version: pkg.version,
  };
  await services.auth.loadSettings();
  const removeListeners = registerListeners(services);
  dashboard.start();
  jobs.start();
  await liveRouters.start();
  const connections = new Set<ClientConnection>();
  const invokeLimits = new InvokeLimits(options.invokeLimits ?? {}, log.child({ component: 'limits' }));
  const dispatch: InvokeDispatch = (session, name, input) => dispatchInvoke(services, session, name, input);
  log.info('core started', { dataDir: options.dataDir, schemaVersion, host: options.host.kind });

  return {
    services,
    db,
    dispatch,
    connect(send, peer) {
      const connection = new ClientConnection(services, dispatch, send, () => connections.delete(connection), {
        limits: invokeLimits,
        address: peerAddress(peer?.remoteAddress),
      });
      connections.add(connection);
      return connection;
    },
    async close() {
      for (const connection of [...connections]) connection.close();
      removeListeners();
      dashboard.stop();
      metrics.stop();
      services.auth.close();
      await services.auth.settled();
      await jobs.stop();
      await liveRouters.stop();
      db.close();
    },
  };
}
