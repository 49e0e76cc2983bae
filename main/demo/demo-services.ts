import type { AccountsStore } from '../accounts/accounts-tx';
import type { Session } from '../auth/session';
import type { InvokeName } from '../contract';
import type { Result } from '../contract/errors';
import type { EventBus } from '../events/event-bus';
import type { RouterStatusBoard } from '../routers/router-status-board';

/**
 * What the demo uses of the console (the core's services include it): the account stores' unit
 * of work (its tenants, users, routers and the folder's demo mark), the routers' live status
 * (a router's summary, whether the fleet is online), the bus and the data folder.
 */
export interface DemoServices {
  accounts: AccountsStore;
  routerStatus: Pick<RouterStatusBoard, 'get'>;
  bus: Pick<EventBus, 'publish' | 'on'>;
  dataDir: string;
}

/** Runs an invoke as `session` (the core's dispatchInvoke): the demo's sales go the way an admin's requests go. */
export type DemoInvoke = (session: Session, name: InvokeName, input: unknown) => Promise<Result<unknown>>;
