import type { AccountsStore } from '../accounts/accounts-tx';
import type { Session } from '../auth/session';
import type { EventBus } from '../events/event-bus';

/**
 * What the users domain's handlers and jobs use of the console (the core passes all of its
 * services, which include these): the account stores (sign-in sessions and lockouts among them),
 * the bus for events after commit, and which stored session a connection is signed in with.
 */
export interface UserServices {
  accounts: AccountsStore;
  bus: Pick<EventBus, 'publish'>;
  auth: {
    /** The stored session a connection is signed in with (kept when a user changes their own account). */
    sessionIdOf(session: Session): number | null;
  };
}

