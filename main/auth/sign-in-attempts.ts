import type { Db } from '../store/database';
import type { AuthSettings } from './auth-settings';
import type { AttemptRow, NewAttempt } from './sign-in-attempt-store';

const MINUTE = 60_000;

/**
 * Sign-in attempts and lockouts, keyed by the normalized username as typed, whether or not such
 * an account exists: an unknown name locks exactly like a real one, so lockouts reveal nothing.
 * The SQLite side of SignInAttemptStore; all methods run inside the caller's transaction.
 */
export class SignInAttempts {
  constructor(private readonly db: Db) {}

  /** The end of the lock on this username, or null when it is not locked at `now`. */
  lockedUntil(usernameKey: string, now: number): number | null {
    const row = this.db
      .prepare<[string], { locked_until: number }>('SELECT locked_until FROM auth_lockouts WHERE username_key = ?')
      .get(usernameKey);
    return row && row.locked_until > now ? row.locked_until : null;
  }

  /**
   * Records a failed attempt; when it makes `maxFailures` within the window (counting only
   * failures after the last success and the last lock), locks the username. Returns the row.
   * Ordering by id, not time, so attempts in the same millisecond still count in order.
   */
  recordFailure(attempt: NewAttempt, settings: AuthSettings): AttemptRow {
    const before = this.db
      .prepare<[string, number, number], { n: number }>(
        "SELECT count(*) AS n FROM auth_attempts WHERE username_key = ? AND outcome = 'bad_credentials' AND at > ? AND id > ?",
      )
      .get(attempt.usernameKey, attempt.at - settings.failureWindowMinutes * MINUTE, this.lastReset(attempt.usernameKey))!.n;
    const failures = attempt.outcome === 'bad_credentials' ? before + 1 : before;
    let lockedUntil: number | null = null;
    if (attempt.outcome === 'bad_credentials' && failures >= settings.maxFailures) {
      lockedUntil = attempt.at + settings.lockMinutes * MINUTE;
      this.db
        .prepare(
          `INSERT INTO auth_lockouts (username_key, locked_at, locked_until) VALUES (?, ?, ?)
           ON CONFLICT (username_key) DO UPDATE SET locked_at = excluded.locked_at, locked_until = excluded.locked_until`,
        )
        .run(attempt.usernameKey, attempt.at, lockedUntil);
    }
    return this.insert(attempt, failures, lockedUntil);
  }

  /** Lifts the lock on this username now (an admin's decision); false when there was none. */
  unlock(usernameKey: string, now: number): boolean {
    return this.db.prepare('DELETE FROM auth_lockouts WHERE username_key = ? AND locked_until > ?').run(usernameKey, now).changes === 1;
  }

  recordSuccess(attempt: NewAttempt): AttemptRow {
    return this.insert(attempt, 0, null);
  }

  get(id: number): AttemptRow | null {
    return this.db.prepare<[number], AttemptRow>('SELECT * FROM auth_attempts WHERE id = ?').get(id) ?? null;
  }

  /** Marks an attempt as tracked (audited, announced); false when it already was. */
  markTracked(id: number, now: number): boolean {
    return this.db.prepare('UPDATE auth_attempts SET tracked_at = ? WHERE id = ? AND tracked_at IS NULL').run(now, id).changes === 1;
  }

  /**
   * Retention: deletes up to `limit` attempts made before `cutoff`, oldest first; returns how many.
   * Safe while the cutoff is older than the failure window (at most a day): lockout counts only
   * read attempts inside the window.
   */
  deleteBefore(cutoff: number, limit: number): number {
    return this.db
      .prepare('DELETE FROM auth_attempts WHERE id IN (SELECT id FROM auth_attempts WHERE at < ? ORDER BY id LIMIT ?)')
      .run(cutoff, limit).changes;
  }

  /** Retention: deletes locks that ended before `cutoff`; returns how many. */
  deleteLocksEndedBefore(cutoff: number): number {
    return this.db.prepare('DELETE FROM auth_lockouts WHERE locked_until < ?').run(cutoff).changes;
  }

  private insert(a: NewAttempt, failures: number, lockedUntil: number | null): AttemptRow {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO auth_attempts (username_key, username, user_id, tenant_id, outcome, at, failures, locked_until, factor)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.usernameKey, a.username, a.userId, a.tenantId, a.outcome, a.at, failures, lockedUntil, a.factor ?? null);
    return this.get(Number(lastInsertRowid))!;
  }

  /** The last attempt that starts a fresh count: a success, or the failure that caused a lock. */
  private lastReset(usernameKey: string): number {
    return (
      this.db
        .prepare<[string], { id: number | null }>(
          "SELECT max(id) AS id FROM auth_attempts WHERE username_key = ? AND (outcome = 'success' OR locked_until IS NOT NULL)",
        )
        .get(usernameKey)!.id ?? 0
    );
  }
}
