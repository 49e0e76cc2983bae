import type { EventBus } from '../events/event-bus';
import type { Db } from '../store/database';
import type { Session } from '../auth/session';
import type { StatusService } from '../system/status-service';
import type { HostKind } from '../system/contract';
import type { Logger } from './logger';

/** Host capabilities the core asks for; each host supplies its own. */
export interface HostAdapter {
  kind: HostKind;
}

/** Everything a handler or listener may use. Built once by startCore. */
export interface CoreServices {
  db: Db;
  bus: EventBus;
  log: Logger;
  status: StatusService;
  host: HostAdapter;
  dataDir: string;
  version: string;
}

export interface InvokeContext {
  services: CoreServices;
  session: Session;
}
