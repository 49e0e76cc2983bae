import { DomainError } from '../contract/errors';
import type { AuthDeps } from './auth-deps';
import type { UserRecord } from '../users/user-repository';
import { usernameKey } from '../users/account-rules';
import type { Db } from '../store/database';
import { readAuthSettings, writeAuthSettings, type AuthSettings } from './auth-settings';
import { AuthSessionStore, type EndReason } from './auth-session-store';
import type { CurrentUser, SignInResult } from './contract';
import type { SecondStepRequired } from './two-factor-contract';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import type { Session, SessionUser } from './session';
import { TrackedAttempts } from './tracked-attempts';

/** What the auth service needs of a client connection: its session, and a way to re-check its subscriptions. */
export interface LiveConnection {
  readonly session: Session;
  /** Drops channel subscriptions the session's (new) user may not have. */
  dropUnauthorizedSubscriptions(): void;
}

interface LiveEntry {
  authSessionId: number;
  userId: number;
  token: string;
  expiresAt: number;
  lastSeenAt: number;
  /** Last time last_seen_at was written; writes are throttled to one a minute per session. */
  writtenAt: number;
}

export interface AuthServiceOptions {
  db: Db;
  /** What it reaches of the console (a function: the core's services are built after this service). */
  services: () => AuthDeps;
  /** Injectable time (epoch ms) for expiry and lockout tests. */
  now?: () => number;
  /** Upgrade hashes made with older scrypt parameters at sign-in. @defaultValue true */
  rehash?: boolean;
  /** How often live sessions are checked for expiry. @defaultValue 30000 */
  sweepIntervalMs?: number;
}

const MINUTE = 60_000;
const TOUCH_WRITE_MS = MINUTE;

const BAD_CREDENTIALS = () => new DomainError('unauthenticated', 'The username or password is wrong. Check both and try again.');
export const lockedError = (until: number) =>
  new DomainError(
    'forbidden',
    `Too many failed sign-ins: this account is locked until ${new Date(until).toISOString()}. Try again after that.`,
    { lockedUntil: new Date(until).toISOString() },
  );

export const disabledError = () => new DomainError('forbidden', 'This account is disabled. Ask an administrator of your company to enable it.');

export const toSessionUser = (u: UserRecord): SessionUser => ({ id: u.id, username: u.username, role: u.role, tenantId: u.tenantId });

/**
 * Sign-in, sessions and their expiry. A connection's Session holds the signed-in user; this
 * service keeps which sign-in session (token) each connection is attached to, so a token can be
 * resumed on a new connection, and so signing out, disabling a user, changing a role or expiry
 * update every live connection of that session or user at once.
 */
export class AuthService {
  private readonly connections = new Map<Session, LiveConnection>();
  private readonly live = new Map<Session, LiveEntry>();
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  private readonly attempts: TrackedAttempts;
  private readonly sessions: AuthSessionStore;
  private cachedSettings: AuthSettings | null = null;
  private readonly background = new Set<Promise<void>>();

  constructor(private readonly options: AuthServiceOptions) {
    this.now = options.now ?? Date.now;
    this.attempts = new TrackedAttempts(options.db, options.services);
    this.sessions = new AuthSessionStore(options.db);
    this.timer = setInterval(() => this.sweep(), options.sweepIntervalMs ?? 30_000);
    this.timer.unref();
  }

  private get services(): AuthDeps {
    return this.options.services();
  }

  /** Read on every invoke (expiry), so kept in memory; change them through updateSettings. */
  settings(): AuthSettings {
    this.cachedSettings ??= readAuthSettings(this.options.db);
    return this.cachedSettings;
  }

  updateSettings(changes: Partial<AuthSettings>): AuthSettings {
    this.cachedSettings = writeAuthSettings(this.options.db, changes, this.now());
    return this.cachedSettings;
  }

  // ── connections ────────────────────────────────────────────────────────────────────────

  attach(connection: LiveConnection): void {
    this.connections.set(connection.session, connection);
  }

  /** The connection is gone; its sign-in session stays open so the token can be resumed. */
  detach(connection: LiveConnection): void {
    this.connections.delete(connection.session);
    this.live.delete(connection.session);
  }

  // ── sign-in ────────────────────────────────────────────────────────────────────────────

  async signIn(session: Session, rawUsername: string, password: string): Promise<SignInResult | SecondStepRequired> {
    const { db, users, twoFactor } = this.services;
    twoFactor.cancelSignIn(session);
    const username = rawUsername.trim().slice(0, 64);
    const key = usernameKey(username);
    const settings = this.settings();
    const early = this.attempts.lockedUntil(key, this.now());
    if (early !== null) {
      db.transaction(() => this.attempts.recordFailure({ usernameKey: key, username, userId: null, tenantId: null, outcome: 'locked', at: this.now() }, settings))();
      throw lockedError(early);
    }
    const found = users.credentials(username);
    // An unknown username costs one hash too, so timing does not tell which usernames exist.
    const matches = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
    const now = this.now();
    const user = found?.user ?? null;
    const base = { usernameKey: key, username, userId: user?.id ?? null, tenantId: user?.tenantId ?? null, at: now };

    const outcome = db.transaction(() => {
      const lockedUntil = this.attempts.lockedUntil(key, now);
      if (lockedUntil !== null) {
        this.attempts.recordFailure({ ...base, outcome: 'locked' }, settings);
        return { kind: 'locked' as const, until: lockedUntil };
      }
      if (!user || !matches) {
        const row = this.attempts.recordFailure({ ...base, outcome: 'bad_credentials' }, settings);
        return row.locked_until !== null ? { kind: 'locked' as const, until: row.locked_until } : { kind: 'bad' as const };
      }
      if (user.disabled) {
        this.attempts.recordFailure({ ...base, outcome: 'disabled' }, settings);
        return { kind: 'disabled' as const };
      }
      // Two-factor accounts: nothing is recorded yet, so a right password alone never resets the failure count.
      if (twoFactor.needsSecondStep(user.id)) return { kind: 'second-step' as const };
      this.attempts.recordSuccess({ ...base, outcome: 'success' });
      const created = this.sessions.create(user.id, now, settings.sessionAbsoluteMinutes * MINUTE);
      return { kind: 'ok' as const, ...created };
    })();

    if (outcome.kind === 'locked') throw lockedError(outcome.until);
    if (outcome.kind === 'bad') throw BAD_CREDENTIALS();
    if (outcome.kind === 'disabled') throw disabledError();
    if (found && this.options.rehash !== false && needsRehash(found.passwordHash)) {
      // Parameters were raised since this hash was made: upgrade it while we know the password.
      const work: Promise<void> = hashPassword(password)
        .then((hash) => void users.rehashPassword(user!.id, found.passwordHash, hash))
        .catch((error: unknown) => this.services.log.warn('password rehash failed', { userId: user!.id, error: String(error) }))
        .finally(() => this.background.delete(work));
      this.background.add(work);
    }
    if (outcome.kind === 'second-step') return twoFactor.beginSignIn(session, user!, username);
    return this.attachSession(session, outcome.row.id, outcome.token, outcome.row.expires_at, user!);
  }

  /** Re-attaches a session token (from signIn) to this connection. */
  resume(session: Session, token: string): SignInResult {
    const now = this.now();
    const row = this.sessions.findOpen(token);
    const settings = this.settings();
    if (!row) throw new DomainError('unauthenticated', 'This session has ended. Sign in again.');
    const idle = now - row.last_seen_at > settings.sessionIdleMinutes * MINUTE;
    if (now >= row.expires_at || idle) {
      this.sessions.end(row.id, now, idle ? 'idle' : 'expired');
      throw new DomainError('unauthenticated', 'This session has expired. Sign in again.');
    }
    const user = this.services.users.get(row.user_id);
    if (!user || user.disabled) {
      this.sessions.end(row.id, now, user ? 'disabled' : 'deleted');
      throw new DomainError('unauthenticated', 'This session has ended. Sign in again.');
    }
    this.sessions.touch(row.id, now);
    return this.attachSession(session, row.id, token, row.expires_at, user);
  }

  signOut(session: Session): boolean {
    const entry = this.live.get(session);
    const user = session.user;
    if (!entry || !user) {
      this.setUser(session, null);
      return false;
    }
    const now = this.now();
    const { db, audit } = this.services;
    const recorded = db.transaction(() => {
      this.sessions.end(entry.authSessionId, now, 'signed_out');
      return audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.signed_out', target: { type: 'user', id: user.id, label: user.username } });
    })();
    audit.publish(recorded);
    this.endLive((e) => e.authSessionId === entry.authSessionId);
    return true;
  }

  me(session: Session): CurrentUser | null {
    const user = session.user ? this.services.users.get(session.user.id) : null;
    return user ? this.currentUser(user) : null;
  }

  /** Changes the password (the current one must match); the user's other sessions end. */
  async changePassword(session: Session, current: string, next: string, check: (pw: string, username: string) => string | null): Promise<void> {
    const user = session.user;
    const entry = this.live.get(session);
    if (!user || !entry) throw new DomainError('unauthenticated', 'Sign in first.');
    const { users, db, audit } = this.services;
    const stored = users.passwordHash(user.id);
    if (!stored || !(await verifyPassword(current, stored))) {
      throw new DomainError('invalid_input', 'The current password is wrong.', { fields: { currentPassword: 'The current password is wrong.' } });
    }
    const problem = check(next, user.username) ?? (next === current ? 'Choose a password different from the current one.' : null);
    if (problem) throw new DomainError('invalid_input', problem, { fields: { newPassword: problem } });
    const hash = await hashPassword(next);
    const now = this.now();
    const recorded = db.transaction(() => {
      users.update(user.id, { passwordHash: hash }, now);
      this.sessions.endAllOf(user.id, now, 'password_changed', entry.authSessionId);
      return audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.password_changed', target: { type: 'user', id: user.id, label: user.username } });
    })();
    audit.publish(recorded);
    this.endLive((e) => e.userId === user.id && e.authSessionId !== entry.authSessionId);
  }

  /** Signs a connection in as a user just created (first-run setup), with a new session. */
  startSession(session: Session, user: UserRecord): SignInResult {
    const now = this.now();
    const created = this.sessions.create(user.id, now, this.settings().sessionAbsoluteMinutes * MINUTE);
    return this.attachSession(session, created.row.id, created.token, created.row.expires_at, user);
  }

  // ── expiry and user changes ────────────────────────────────────────────────────────────

  /**
   * Called before every invoke: ends the connection's session when it expired (absolute or idle),
   * otherwise counts the invoke as activity.
   */
  refresh(session: Session): void {
    const entry = this.live.get(session);
    if (!entry) return;
    const now = this.now();
    const reason = this.expiry(entry, now);
    if (reason) {
      this.sessions.end(entry.authSessionId, now, reason);
      this.endLive((e) => e.authSessionId === entry.authSessionId);
      return;
    }
    entry.lastSeenAt = now;
    if (now - entry.writtenAt >= TOUCH_WRITE_MS) {
      entry.writtenAt = now;
      this.sessions.touch(entry.authSessionId, now);
    }
  }

  /** Ends live sessions that expired; runs on a timer so idle subscribers lose their channels too. */
  sweep(): void {
    const now = this.now();
    const ended = new Map<number, EndReason>();
    for (const entry of this.live.values()) {
      const reason = this.expiry(entry, now);
      if (reason) ended.set(entry.authSessionId, reason);
    }
    if (ended.size === 0) return;
    for (const [id, reason] of ended) this.sessions.end(id, now, reason);
    this.endLive((e) => ended.has(e.authSessionId));
  }

  /** Lifts a sign-in lockout of this username; runs inside the caller's transaction. */
  unlock(username: string): boolean {
    return this.attempts.unlock(usernameKey(username), this.now());
  }

  /**
   * A user was changed, disabled or deleted (the listener registry calls this on UserUpdated and
   * UserDeleted): live connections whose session the change ended (a new password or role) are
   * signed out, the others get the new role (and lose channels it does not allow); all are signed
   * out when the user may no longer sign in.
   */
  userChanged(userId: number): void {
    const user = this.services.users.get(userId);
    const now = this.now();
    if (!user || user.disabled) {
      this.sessions.endAllOf(userId, now, user ? 'disabled' : 'deleted');
      this.endLive((e) => e.userId === userId);
      return;
    }
    const open = this.sessions.openIdsOf(userId);
    this.endLive((e) => e.userId === userId && !open.has(e.authSessionId));
    for (const [session, entry] of this.live) {
      if (entry.userId === userId) this.setUser(session, toSessionUser(user));
    }
  }

  /**
   * Ends a user's sessions (a password reset, a role change, disabling), but `keepSessionId`: their
   * tokens stop resuming at once. Runs inside the caller's transaction, so they end exactly when
   * the change commits; live connections follow when userChanged runs after the commit.
   */
  endSessionsOf(userId: number, reason: EndReason, keepSessionId?: number): void {
    this.sessions.endAllOf(userId, this.now(), reason, keepSessionId);
  }

  /** The sign-in session a connection is attached to, if any (to keep it when its user changes their own account). */
  sessionIdOf(session: Session): number | null {
    return this.live.get(session)?.authSessionId ?? null;
  }

  /** Live connections signed in now (for status and tests). */
  liveSessions(): number {
    return this.live.size;
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Resolves when background work (password hash upgrades) is done. */
  async settled(): Promise<void> {
    await Promise.all([...this.background]);
  }

  currentUser(user: UserRecord): CurrentUser {
    const tenantName = user.tenantId === null ? null : (this.services.tenants.get(user.tenantId)?.name ?? null);
    return { id: user.id, username: user.username, name: user.name, email: user.email, role: user.role, tenantId: user.tenantId, tenantName };
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────

  private attachSession(session: Session, authSessionId: number, token: string, expiresAt: number, user: UserRecord): SignInResult {
    const previous = this.live.get(session);
    if (previous && previous.authSessionId !== authSessionId) {
      // A new sign-in on a connection replaces its old session for good.
      this.sessions.end(previous.authSessionId, this.now(), 'replaced');
      this.endLive((e) => e.authSessionId === previous.authSessionId);
    }
    const now = this.now();
    this.live.set(session, { authSessionId, userId: user.id, token, expiresAt, lastSeenAt: now, writtenAt: now });
    this.setUser(session, toSessionUser(user));
    const result: SignInResult = { token, expiresAt: new Date(expiresAt).toISOString(), user: this.currentUser(user) };
    return session.restriction ? { ...result, restriction: session.restriction } : result;
  }

  private expiry(entry: LiveEntry, now: number): EndReason | null {
    if (now >= entry.expiresAt) return 'expired';
    if (now - entry.lastSeenAt > this.settings().sessionIdleMinutes * MINUTE) return 'idle';
    return null;
  }

  private endLive(match: (entry: LiveEntry) => boolean): void {
    for (const [session, entry] of [...this.live]) {
      if (!match(entry)) continue;
      this.live.delete(session);
      this.setUser(session, null);
    }
  }

  private setUser(session: Session, user: SessionUser | null): void {
    session.user = user;
    // Recomputed with the user (sign-in, resume, role change, enrolment): an admin who must have two-factor sign-in and has not set it up may only enrol.
    session.restriction = user ? this.services.twoFactor.restrictionOf(user) : undefined;
    this.connections.get(session)?.dropUnauthorizedSubscriptions();
  }
}
