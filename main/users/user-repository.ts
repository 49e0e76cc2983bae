import type { Role } from '../auth/session';
import type { Db } from '../store/database';
import { emailKey, usernameKey } from './account-rules';

export interface UserRecord {
  id: number;
  tenantId: number | null;
  name: string;
  username: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
  passwordChangedAt: number;
  lastSignInAt: number | null;
  /** End of a sign-in lockout (auth), possibly already past. */
  lockedUntil: number | null;
}

export interface NewUser {
  tenantId: number | null;
  name: string;
  username: string;
  email: string;
  role: Role;
  passwordHash: string;
}

export type UserChanges = Partial<Pick<UserRecord, 'name' | 'email' | 'role' | 'disabled'>> & { passwordHash?: string };

interface Row {
  id: number;
  tenant_id: number | null;
  name: string;
  username: string;
  email: string;
  role: Role;
  disabled: number;
  created_at: number;
  updated_at: number;
  password_changed_at: number;
  last_sign_in_at: number | null;
  password_hash: string;
  locked_until: number | null;
}

const toRecord = (r: Row): UserRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  username: r.username,
  email: r.email,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  passwordChangedAt: r.password_changed_at,
  lastSignInAt: r.last_sign_in_at,
  lockedUntil: r.locked_until,
});

/** A user row with its sign-in lockout, if any (the lockout is keyed by the username as typed). */
const USER_ROW = `SELECT users.*, (SELECT locked_until FROM auth_lockouts WHERE auth_lockouts.username_key = users.username_key) AS locked_until FROM users`;

/**
 * Which users a query may touch: one tenant's, the system admins (tenant null), or all.
 * Every read takes one, so a tenant-scoped caller cannot reach another tenant's rows.
 */
export type UserScope = { tenantId: number | null } | 'all';

const scopeSql = (scope: UserScope) =>
  scope === 'all' ? '1 = 1' : scope.tenantId === null ? 'tenant_id IS NULL' : 'tenant_id = @tenantId';
const scopeParams = (scope: UserScope) => (scope === 'all' || scope.tenantId === null ? {} : { tenantId: scope.tenantId });

/**
 * The users table on SQLite, behind UserStore (sqlite-user-store.ts): new code reaches it through
 * the account stores' unit of work. Callers open transactions; nothing here does.
 */
export class UserRepository {
  constructor(private readonly db: Db) {}

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get()!.n;
  }

  get(id: number, scope: UserScope = 'all'): UserRecord | null {
    const row = this.db.prepare<[Record<string, unknown>], Row>(`${USER_ROW} WHERE id = @id AND ${scopeSql(scope)}`).get({ id, ...scopeParams(scope) });
    return row ? toRecord(row) : null;
  }

  /** The account and its password hash, for sign-in only. */
  credentials(username: string): { user: UserRecord; passwordHash: string } | null {
    const row = this.db.prepare<[string], Row>(`${USER_ROW} WHERE username_key = ?`).get(usernameKey(username));
    return row ? { user: toRecord(row), passwordHash: row.password_hash } : null;
  }

  passwordHash(id: number): string | null {
    return this.db.prepare<[number], { password_hash: string }>('SELECT password_hash FROM users WHERE id = ?').get(id)?.password_hash ?? null;
  }

  findByUsername(username: string): UserRecord | null {
    const row = this.db.prepare<[string], Row>(`${USER_ROW} WHERE username_key = ?`).get(usernameKey(username));
    return row ? toRecord(row) : null;
  }

  usernameTaken(username: string): boolean {
    return this.findByUsername(username) !== null;
  }

  emailTaken(email: string, exceptUserId = 0): boolean {
    return this.db.prepare('SELECT 1 FROM users WHERE email_key = ? AND id <> ?').get(emailKey(email), exceptUserId) !== undefined;
  }

  list(scope: UserScope): UserRecord[] {
    return this.db
      .prepare<[Record<string, unknown>], Row>(`${USER_ROW} WHERE ${scopeSql(scope)} ORDER BY username_key`)
      .all(scopeParams(scope))
      .map(toRecord);
  }

  /** Enabled admins of a tenant (or system admins for null): the last one may not go. */
  activeAdmins(tenantId: number | null): number {
    const sql =
      tenantId === null
        ? "SELECT count(*) AS n FROM users WHERE tenant_id IS NULL AND role = 'system_admin' AND disabled = 0"
        : "SELECT count(*) AS n FROM users WHERE tenant_id = ? AND role = 'tenant_admin' AND disabled = 0";
    const stmt = this.db.prepare<unknown[], { n: number }>(sql);
    return (tenantId === null ? stmt.get() : stmt.get(tenantId))!.n;
  }

  insert(user: NewUser, now: number): UserRecord {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO users (tenant_id, name, username, username_key, email, email_key, role, password_hash, created_at, updated_at, password_changed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(user.tenantId, user.name.trim(), user.username.trim(), usernameKey(user.username), user.email.trim(), emailKey(user.email), user.role, user.passwordHash, now, now, now);
    return this.get(Number(lastInsertRowid))!;
  }

  update(id: number, changes: UserChanges, now: number): UserRecord | null {
    const sets: string[] = ['updated_at = @now'];
    const params: Record<string, unknown> = { id, now };
    if (changes.name !== undefined) {
      sets.push('name = @name');
      params.name = changes.name.trim();
    }
    if (changes.email !== undefined) {
      sets.push('email = @email', 'email_key = @emailKey');
      params.email = changes.email.trim();
      params.emailKey = emailKey(changes.email);
    }
    if (changes.role !== undefined) {
      sets.push('role = @role');
      params.role = changes.role;
    }
    if (changes.disabled !== undefined) {
      sets.push('disabled = @disabled');
      params.disabled = changes.disabled ? 1 : 0;
    }
    if (changes.passwordHash !== undefined) {
      sets.push('password_hash = @hash', 'password_changed_at = @now');
      params.hash = changes.passwordHash;
    }
    this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = @id`).run(params);
    return this.get(id);
  }

  /** Upgrades a hash to new parameters, only if the password was not changed meanwhile. */
  rehashPassword(id: number, previousHash: string, nextHash: string): boolean {
    return this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?').run(nextHash, id, previousHash).changes === 1;
  }

  recordSignIn(id: number, at: number): void {
    this.db.prepare('UPDATE users SET last_sign_in_at = max(coalesce(last_sign_in_at, 0), ?) WHERE id = ?').run(at, id);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes === 1;
  }
}
