import type { AuthDeps } from './auth-deps';
import type { Db } from '../store/database';
import type { AuthSettings } from './auth-settings';
import { SignInAttempts, type AttemptRow, type NewAttempt } from './sign-in-attempts';

/**
 * Sign-in attempts (a password or a second-factor code) as the lockout counts them, each recorded
 * with the `auth.track-attempt` job that audits and announces it (LoginFailed, AccountLocked).
 * The job is queued in the transaction that records the attempt, so an attempt is never counted
 * without being reported. Every method runs inside the caller's transaction.
 */
export class TrackedAttempts {
  private readonly attempts: SignInAttempts;

  constructor(
    db: Db,
    /** What it reaches of the console (a function: the core's services are built after the services that record attempts). */
    private readonly services: () => AuthDeps,
  ) {
    this.attempts = new SignInAttempts(db);
  }

  /** The end of the lock on this username, or null when it is not locked at `now`. */
  lockedUntil(usernameKey: string, now: number): number | null {
    return this.attempts.lockedUntil(usernameKey, now);
  }

  /** Records a failure (which may lock the username) and queues its tracking; returns the row. */
  recordFailure(attempt: NewAttempt, settings: AuthSettings): AttemptRow {
    return this.track(this.attempts.recordFailure(attempt, settings));
  }

  /** Records a success (the failure count starts again) and queues its tracking; returns the row. */
  recordSuccess(attempt: NewAttempt): AttemptRow {
    return this.track(this.attempts.recordSuccess(attempt));
  }

  /** Lifts the lock on this username now (an admin's decision); false when there was none. */
  unlock(usernameKey: string, now: number): boolean {
    return this.attempts.unlock(usernameKey, now);
  }

  private track(row: AttemptRow): AttemptRow {
    this.services().jobs.enqueue('auth.track-attempt', { attemptId: row.id }, { tenantId: row.tenant_id });
    return row;
  }
}
