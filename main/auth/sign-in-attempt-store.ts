import type { AuthSettings } from './auth-settings';

export type AttemptOutcome = 'success' | 'bad_credentials' | 'locked' | 'disabled';
/** The second factor an attempt was about (null: the password step). */
export type AttemptFactor = 'totp' | 'recovery';

export interface AttemptRow {
  id: number;
  username_key: string;
  username: string;
  user_id: number | null;
  tenant_id: number | null;
  outcome: AttemptOutcome;
  at: number;
  failures: number;
  locked_until: number | null;
  tracked_at: number | null;
  factor: AttemptFactor | null;
}

export interface NewAttempt {
  usernameKey: string;
  username: string;
  userId: number | null;
  tenantId: number | null;
  outcome: AttemptOutcome;
  at: number;
  factor?: AttemptFactor;
}

/**
 * Sign-in attempts and lockouts as a unit of work hands them out (the storage seam): keyed by the
 * normalized username as typed, whether or not such an account exists, so lockouts reveal nothing.
 */
export interface SignInAttemptStore {
  /** The end of the lock on this username, or null when it is not locked at `now`. */
  lockedUntil(usernameKey: string, now: number): Promise<number | null>;
  /**
   * Records a failure; when it makes `maxFailures` within the window (failures after the last
   * success or lock), locks the username for `lockMinutes`. Returns the attempt.
   */
  recordFailure(attempt: NewAttempt, settings: AuthSettings): Promise<AttemptRow>;
  /** Records a success: the failure count starts again. */
  recordSuccess(attempt: NewAttempt): Promise<AttemptRow>;
  /** Lifts the lock on this username (an admin's decision); false when there was none. */
  unlock(usernameKey: string, now: number): Promise<boolean>;
  get(id: number): Promise<AttemptRow | null>;
  /** Marks an attempt as tracked (audited, announced); false when it already was. */
  markTracked(id: number, now: number): Promise<boolean>;
  /** Retention: deletes up to `limit` attempts made before `cutoff`, oldest first. */
  deleteBefore(cutoff: number, limit: number): Promise<number>;
  /** Retention: deletes locks that ended before `cutoff`. */
  deleteLocksEndedBefore(cutoff: number): Promise<number>;
}
