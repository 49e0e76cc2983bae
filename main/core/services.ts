import type { EventBus } from '../events/event-bus';
import type { Db } from '../store/database';
import type { Session } from '../auth/session';
import type { StatusService } from '../system/status-service';
import type { HostKind } from '../system/contract';
import type { Logger } from './logger';
import type { SecretBox } from '../secrets/secret-box';
import type { RouterRepository } from '../routers/router-repository';
import type { RouterStatusBoard } from '../routers/router-status-board';
import type { SessionHub } from '../sessions/session-hub';
import type { JobEngine } from '../jobs/job-engine';

/** Host capabilities the core asks for; each host supplies its own. */
export interface HostAdapter {
  kind: HostKind;
  /** Encrypts secrets at rest (router credentials): OS keychain or a 0600 key file. */
  secrets: SecretBox;
}

/** Everything a handler or listener may use. Built once by startCore. */
export interface CoreServices {
  db: Db;
  bus: EventBus;
  log: Logger;
  status: StatusService;
  routers: RouterRepository;
  routerStatus: RouterStatusBoard;
  sessions: SessionHub;
  /** The durable job engine: enqueue work (inside your own transaction if you have one). */
  jobs: JobEngine;
  host: HostAdapter;
  dataDir: string;
  version: string;
}

export interface InvokeContext {
  services: CoreServices;
  session: Session;
}
