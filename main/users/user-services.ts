import type { AccountsStore } from '../accounts/accounts-tx';
import type { Session } from '../auth/session';
import type { EndReason } from '../auth/auth-session-store';
import type { EventBus } from '../events/event-bus';

/**
 * What the users domain's handlers and jobs use of the console (the core passes all of its
 * services, which include these): the account stores, the bus for events after commit, and the
 * few session operations of auth that a change of account ends or lifts.
 */
export interface UserServices {
  accounts: AccountsStore;
  bus: Pick<EventBus, 'publish'>;
  auth: {
    /** The stored session a connection is signed in with (kept when a user changes their own account). */
    sessionIdOf(session: Session): number | null;
    /** Ends a user's stored sessions (but `keepSessionId`) inside the caller's transaction. */
    endSessionsOf(userId: number, reason: EndReason, keepSessionId?: number): void;
    /** Lifts a sign-in lockout of this username inside the caller's transaction; false when there was none. */
    unlock(username: string): boolean;
  };
}
