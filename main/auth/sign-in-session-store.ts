export interface AuthSessionRow {
  id: number;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ended_at: number | null;
}

export type EndReason =
  | 'signed_out'
  | 'expired'
  | 'idle'
  | 'disabled'
  | 'deleted'
  | 'password_changed'
  | 'replaced'
  /** An admin set the user's password. */
  | 'password_reset'
  | 'role_changed'
  /** The user turned two-factor sign-in on: sessions opened without a code end. */
  | 'two_factor_enabled';

/**
 * Sign-in sessions as a unit of work hands them out (the storage seam): Promise-returning, free
 * of the store behind it. A client holds an opaque random token; only its hash is kept.
 */
export interface SignInSessionStore {
  /** Opens a session of `userId` that ends for good `absoluteMs` after `now`; returns it and its token. */
  create(userId: number, now: number, absoluteMs: number): Promise<{ row: AuthSessionRow; token: string }>;
  /** The open session a token belongs to, or null (unknown, ended). Expiry is the caller's check. */
  findOpen(token: string): Promise<AuthSessionRow | null>;
  /** Counts activity (never moves it back). */
  touch(id: number, now: number): Promise<void>;
  end(id: number, now: number, reason: EndReason): Promise<void>;
  /** Ends every open session of a user (but `exceptId`); returns the ids ended. */
  endAllOf(userId: number, now: number, reason: EndReason, exceptId?: number): Promise<number[]>;
  /** The ids of a user's sessions that have not ended. */
  openIdsOf(userId: number): Promise<Set<number>>;
  /** Retention: deletes up to `limit` sessions, oldest first, that ended or expired before `cutoff`. */
  deleteOverBefore(cutoff: number, limit: number): Promise<number>;
}
