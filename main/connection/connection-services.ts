import type { AuthService } from '../auth/auth-service';
import type { Session } from '../auth/session';
import type { Result } from '../contract';
import type { EventBus } from '../events/event-bus';
import type { StatusService } from '../system/status-service';

/**
 * What a client connection uses of the console (the core's services include it): the version it
 * greets with, the client count, the auth service that follows its session, and the bus its
 * channel subscriptions read.
 */
export interface ConnectionServices {
  version: string;
  status: Pick<StatusService, 'clientAttached' | 'clientDetached'>;
  auth: Pick<AuthService, 'attach' | 'detach'>;
  bus: Pick<EventBus, 'subscribe' | 'currentSeq'>;
}

/** Answers one invoke of the connection's session (the core's dispatch, with the core's services). */
export type InvokeDispatch = (session: Session, name: string, input: unknown) => Promise<Result<unknown>>;
