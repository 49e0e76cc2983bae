import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/database';
import type { AuthSessionRow, EndReason } from './sign-in-session-store';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sign-in sessions at rest: an opaque random token for the client, only its hash here. The SQLite side of SignInSessionStore. */
export class AuthSessionStore {
  constructor(private readonly db: Db) {}

  create(userId: number, now: number, absoluteMs: number): { row: AuthSessionRow; token: string } {
    const token = randomBytes(32).toString('base64url');
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO auth_sessions (user_id, token_hash, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(userId, hashToken(token), now, now, now + absoluteMs);
    return { row: this.get(Number(lastInsertRowid))!, token };
  }

  get(id: number): AuthSessionRow | null {
    return this.db.prepare<[number], AuthSessionRow>('SELECT * FROM auth_sessions WHERE id = ?').get(id) ?? null;
  }

  /** The open session a token belongs to, or null (unknown, ended). Expiry is the caller's check. */
  findOpen(token: string): AuthSessionRow | null {
    return (
      this.db.prepare<[string], AuthSessionRow>('SELECT * FROM auth_sessions WHERE token_hash = ? AND ended_at IS NULL').get(hashToken(token)) ??
      null
    );
  }

  touch(id: number, now: number): void {
    this.db.prepare('UPDATE auth_sessions SET last_seen_at = max(last_seen_at, ?) WHERE id = ?').run(now, id);
  }

  end(id: number, now: number, reason: EndReason): void {
    this.db.prepare('UPDATE auth_sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL').run(now, reason, id);
  }

  /** The ids of a user's sessions that have not ended. */
  openIdsOf(userId: number): Set<number> {
    const rows = this.db.prepare<[number], { id: number }>('SELECT id FROM auth_sessions WHERE user_id = ? AND ended_at IS NULL').all(userId);
    return new Set(rows.map((r) => r.id));
  }

  /** Ends every open session of a user (but `exceptId`); returns the ids ended. */
  endAllOf(userId: number, now: number, reason: EndReason, exceptId = 0): number[] {
    return this.db
      .prepare<[number, string, number, number], { id: number }>(
        'UPDATE auth_sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND id <> ? AND ended_at IS NULL RETURNING id',
      )
      .all(now, reason, userId, exceptId)
      .map((r) => r.id);
  }

  /**
   * Retention: deletes up to `limit` sessions, oldest first, that ended or expired before
   * `cutoff` (none of them can be resumed); returns how many.
   */
  deleteOverBefore(cutoff: number, limit: number): number {
    return this.db
      .prepare(
        `DELETE FROM auth_sessions WHERE id IN (
           SELECT id FROM auth_sessions WHERE ended_at < ? OR expires_at < ? ORDER BY id LIMIT ?)`,
      )
      .run(cutoff, cutoff, limit).changes;
  }
}
