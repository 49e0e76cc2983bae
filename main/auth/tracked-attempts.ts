import type { AccountsTx } from '../accounts/accounts-tx';
import type { AuthSettings } from './auth-settings';
import type { AttemptRow, NewAttempt } from './sign-in-attempt-store';

/*
 * Sign-in attempts (a password or a second-factor code) as the lockout counts them, each recorded
 * with the `auth.track-attempt` job that audits and announces it (LoginFailed, AccountLocked).
 * The job is queued in the unit of work that records the attempt, so an attempt is never counted
 * without being reported.
 */

type AttemptsTx = Pick<AccountsTx, 'signInAttempts' | 'jobs'>;

/** Records a failure (which may lock the username) and queues its tracking; returns the row. */
export async function recordFailure(tx: AttemptsTx, attempt: NewAttempt, settings: AuthSettings): Promise<AttemptRow> {
  return track(tx, await tx.signInAttempts.recordFailure(attempt, settings));
}

/** Records a success (the failure count starts again) and queues its tracking; returns the row. */
export async function recordSuccess(tx: AttemptsTx, attempt: NewAttempt): Promise<AttemptRow> {
  return track(tx, await tx.signInAttempts.recordSuccess(attempt));
}

async function track(tx: AttemptsTx, row: AttemptRow): Promise<AttemptRow> {
  await tx.jobs.enqueue('auth.track-attempt', { attemptId: row.id }, { tenantId: row.tenant_id });
  return row;
}
