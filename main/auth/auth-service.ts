import type { AccountsTx } from '../accounts/accounts-tx';
import { DomainError } from '../contract/errors';
import type { AuthDeps } from './auth-deps';
import type { UserRecord } from '../users/user-repository';
import { usernameKey } from '../users/account-rules';
import { readAuthSettings, writeAuthSettings, type AuthSettings } from './auth-settings';
import type { CurrentUser, SignInResult } from './contract';
import type { EndReason } from './sign-in-session-store';
import type { SecondStepRequired } from './two-factor-contract';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password';
import type { Session, SessionRestriction, SessionUser } from './session';
import { recordFailure, recordSuccess } from './tracked-attempts';
import { enrolmentRestriction } from './two-factor-policy';

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
  /** What it reaches of the console (a function: the core's services are built after this service). */
  services: () => AuthDeps;
  /** Injectable time (epoch ms) for expiry and lockout tests. */
  now?: () => number;
  /** Upgrade hashes made with older scrypt parameters at sign-in. @defaultValue true */
  rehash?: boolean;
  /** How often live sessions are checked for expiry. @defaultValue 30000 */
  sweepIntervalMs?: number;
}

/** A sign-in session opened for a connection in a unit of work: what attaching it needs once committed. */
interface Opened {
  authSessionId: number;
  token: string;
  expiresAt: number;
  user: UserRecord;
  tenantName: string | null;
  restriction: SessionRestriction | undefined;
  /** The connection's previous session, ended ('replaced') in the same unit of work. */
  replaced: number | null;
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
 * update every live connection of that session or user at once. Storage is reached only through
 * the accounts unit of work; password hashing runs outside it (a unit of work may await only its
 * stores).
 */
export class AuthService {
  private readonly connections = new Map<Session, LiveConnection>();
  private readonly live = new Map<Session, LiveEntry>();
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  private cachedSettings: AuthSettings | null = null;
  private readonly background = new Set<Promise<void>>();

  constructor(private readonly options: AuthServiceOptions) {
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => void this.sweep(), options.sweepIntervalMs ?? 30_000);
    this.timer.unref();
  }

  private get services(): AuthDeps {
    return this.options.services();
  }

  // ── settings ───────────────────────────────────────────────────────────────────────────

  /** Reads the settings into memory; the core does so at start, before any invoke. */
  async loadSettings(): Promise<AuthSettings> {
    this.cachedSettings = await this.services.accounts.read((tx) => readAuthSettings(tx.settings));
    return this.cachedSettings;
  }

  /** Read on every invoke (expiry), so kept in memory; change them through updateSettings. */
  settings(): AuthSettings {
    if (!this.cachedSettings) throw new Error('the auth settings are read at start (AuthService.loadSettings) and were not');
    return this.cachedSettings;
  }

  /** Writes settings in the caller's unit of work; the ones in memory are replaced once it commits. */
  async updateSettings(tx: AccountsTx, changes: Partial<AuthSettings>): Promise<AuthSettings> {
    const next = await writeAuthSettings(tx.settings, changes, this.now());
    tx.afterCommit(() => {
      this.cachedSettings = next;
    });
    return next;
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
    const { accounts, twoFactor } = this.services;
    twoFactor.cancelSignIn(session);
    const username = rawUsername.trim().slice(0, 64);
    const key = usernameKey(username);
    const settings = this.settings();
    const { early, found } = await accounts.read(async (tx) => ({
      early: await tx.signInAttempts.lockedUntil(key, this.now()),
      found: await tx.credentials.forUsername(username),
    }));
    if (early !== null) {
      await accounts.run((tx) => recordFailure(tx, { usernameKey: key, username, userId: null, tenantId: null, outcome: 'locked', at: this.now() }, settings));
      throw lockedError(early);
    }
    // An unknown username costs one hash too, so timing does not tell which usernames exist.
    const matches = await verifyPassword(password, found?.passwordHash ?? (await dummyHash()));
    const now = this.now();
    const user = found?.user ?? null;
    const base = { usernameKey: key, username, userId: user?.id ?? null, tenantId: user?.tenantId ?? null, at: now };

    type Outcome = { kind: 'locked'; until: number } | { kind: 'bad' } | { kind: 'disabled' } | { kind: 'second-step'; user: UserRecord } | { kind: 'ok'; opened: Opened };
    const outcome = await accounts.run(async (tx): Promise<Outcome> => {
      const lockedUntil = await tx.signInAttempts.lockedUntil(key, now);
      if (lockedUntil !== null) {
        await recordFailure(tx, { ...base, outcome: 'locked' }, settings);
        return { kind: 'locked', until: lockedUntil };
      }
      if (!user || !matches) {
        const row = await recordFailure(tx, { ...base, outcome: 'bad_credentials' }, settings);
        return row.locked_until !== null ? { kind: 'locked', until: row.locked_until } : { kind: 'bad' };
      }
      if (user.disabled) {
        await recordFailure(tx, { ...base, outcome: 'disabled' }, settings);
        return { kind: 'disabled' };
      }
      // Two-factor accounts: nothing is recorded yet, so a right password alone never resets the failure count.
      if (await tx.twoFactor.isEnrolled(user.id)) return { kind: 'second-step', user };
      await recordSuccess(tx, { ...base, outcome: 'success' });
      return { kind: 'ok', opened: await this.open(tx, session, user, now) };
    });

    if (outcome.kind === 'locked') throw lockedError(outcome.until);
    if (outcome.kind === 'bad') throw BAD_CREDENTIALS();
    if (outcome.kind === 'disabled') throw disabledError();
    if (found && this.options.rehash !== false && needsRehash(found.passwordHash)) this.rehash(found.user.id, found.passwordHash, password);
    if (outcome.kind === 'second-step') return twoFactor.beginSignIn(session, outcome.user, username);
    return this.attachOpened(session, outcome.opened);
  }

  /** Re-attaches a session token (from signIn) to this connection. */
  async resume(session: Session, token: string): Promise<SignInResult> {
    const now = this.now();
    const settings = this.settings();
    type Outcome = { kind: 'ended' } | { kind: 'expired' } | { kind: 'ok'; opened: Opened };
    // Ending an expired or orphaned session is a result, not a throw: a throw would roll the end back.
    const outcome = await this.services.accounts.run(async (tx): Promise<Outcome> => {
      const row = await tx.signInSessions.findOpen(token);
      if (!row) return { kind: 'ended' };
      const idle = now - row.last_seen_at > settings.sessionIdleMinutes * MINUTE;
      if (now >= row.expires_at || idle) {
        await tx.signInSessions.end(row.id, now, idle ? 'idle' : 'expired');
        return { kind: 'expired' };
      }
      const user = await tx.users.get(row.user_id);
      if (!user || user.disabled) {
        await tx.signInSessions.end(row.id, now, user ? 'disabled' : 'deleted');
        return { kind: 'ended' };
      }
      await tx.signInSessions.touch(row.id, now);
      return { kind: 'ok', opened: await this.opening(tx, session, { authSessionId: row.id, token, expiresAt: row.expires_at }, user, now) };
    });
    if (outcome.kind === 'expired') throw new DomainError('unauthenticated', 'This session has expired. Sign in again.');
    if (outcome.kind === 'ended') throw new DomainError('unauthenticated', 'This session has ended. Sign in again.');
    return this.attachOpened(session, outcome.opened);
  }

  async signOut(session: Session): Promise<boolean> {
    const entry = this.live.get(session);
    const user = session.user;
    if (!entry || !user) {
      this.setUser(session, null);
      return false;
    }
    const now = this.now();
    await this.services.accounts.run(async (tx) => {
      await tx.signInSessions.end(entry.authSessionId, now, 'signed_out');
      await tx.audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.signed_out', target: { type: 'user', id: user.id, label: user.username } });
    });
    this.endLive((e) => e.authSessionId === entry.authSessionId);
    return true;
  }

  async me(session: Session): Promise<CurrentUser | null> {
    const signedIn = session.user;
    if (!signedIn) return null;
    return this.services.accounts.read(async (tx) => {
      const user = await tx.users.get(signedIn.id);
      return user ? currentUser(user, await tenantNameOf(tx, user)) : null;
    });
  }

  /** Changes the password (the current one must match); the user's other sessions end. */
  async changePassword(session: Session, current: string, next: string, check: (pw: string, username: string) => string | null): Promise<void> {
    const user = session.user;
    const entry = this.live.get(session);
    if (!user || !entry) throw new DomainError('unauthenticated', 'Sign in first.');
    const { accounts } = this.services;
    const stored = await accounts.read((tx) => tx.credentials.passwordHash(user.id));
    if (!stored || !(await verifyPassword(current, stored))) {
      throw new DomainError('invalid_input', 'The current password is wrong.', { fields: { currentPassword: 'The current password is wrong.' } });
    }
    const problem = check(next, user.username) ?? (next === current ? 'Choose a password different from the current one.' : null);
    if (problem) throw new DomainError('invalid_input', problem, { fields: { newPassword: problem } });
    const hash = await hashPassword(next);
    const now = this.now();
    await accounts.run(async (tx) => {
      await tx.users.update(user.id, { passwordHash: hash }, now);
      await tx.signInSessions.endAllOf(user.id, now, 'password_changed', entry.authSessionId);
      await tx.audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.password_changed', target: { type: 'user', id: user.id, label: user.username } });
    });
    this.endLive((e) => e.userId === user.id && e.authSessionId !== entry.authSessionId);
  }

  /** Signs a connection in as a user (just created at first-run setup, or past the code step), with a new session. */
  async startSession(session: Session, user: UserRecord): Promise<SignInResult> {
    const now = this.now();
    const opened = await this.services.accounts.run((tx) => this.open(tx, session, user, now));
    return this.attachOpened(session, opened);
  }

  // ── expiry and user changes ────────────────────────────────────────────────────────────

  /**
   * Called before every invoke: ends the connection's session when it expired (absolute or idle),
   * otherwise counts the invoke as activity. Never throws: a failed write is logged, and the
   * connection is signed out of an expired session whether or not the end was stored.
   */
  async refresh(session: Session): Promise<void> {
    const entry = this.live.get(session);
    if (!entry) return;
    const now = this.now();
    const reason = this.expiry(entry, now);
    if (reason) {
      this.endLive((e) => e.authSessionId === entry.authSessionId);
      await this.keepRecord('end an expired session', (tx) => tx.signInSessions.end(entry.authSessionId, now, reason));
      return;
    }
    entry.lastSeenAt = now;
    if (now - entry.writtenAt >= TOUCH_WRITE_MS) {
      entry.writtenAt = now;
      await this.keepRecord('count session activity', (tx) => tx.signInSessions.touch(entry.authSessionId, now));
    }
  }

  /** Ends live sessions that expired; runs on a timer so idle subscribers lose their channels too. */
  async sweep(): Promise<void> {
    const now = this.now();
    const ended = new Map<number, EndReason>();
    for (const entry of this.live.values()) {
      const reason = this.expiry(entry, now);
      if (reason) ended.set(entry.authSessionId, reason);
    }
    if (ended.size === 0) return;
    this.endLive((e) => ended.has(e.authSessionId));
    await this.keepRecord('end expired sessions', async (tx) => {
      for (const [id, reason] of ended) await tx.signInSessions.end(id, now, reason);
    });
  }

  /** Lifts a sign-in lockout of this username; false when there was none. */
  async unlock(username: string): Promise<boolean> {
    const now = this.now();
    return this.services.accounts.run((tx) => tx.signInAttempts.unlock(usernameKey(username), now));
  }

  /**
   * A user was changed, disabled or deleted (the listener registry calls this on UserUpdated and
   * UserDeleted): live connections whose session the change ended (a new password or role) are
   * signed out, the others get the new role (and lose channels it does not allow); all are signed
   * out when the user may no longer sign in. Never throws (it runs after the change committed): a
   * failure is logged.
   */
  async userChanged(userId: number): Promise<void> {
    const { accounts, log } = this.services;
    try {
      const seen = await accounts.read(async (tx) => {
        const user = await tx.users.get(userId);
        if (!user || user.disabled) return { user, open: new Set<number>(), restriction: undefined };
        return { user, open: await tx.signInSessions.openIdsOf(userId), restriction: await enrolmentRestriction(tx.twoFactor, user, this.settings()) };
      });
      const { user } = seen;
      if (!user || user.disabled) {
        this.endLive((e) => e.userId === userId);
        const now = this.now();
        await this.keepRecord('end the sessions of a user who may no longer sign in', (tx) => tx.signInSessions.endAllOf(userId, now, user ? 'disabled' : 'deleted'));
        return;
      }
      this.endLive((e) => e.userId === userId && !seen.open.has(e.authSessionId));
      for (const [session, entry] of this.live) {
        if (entry.userId === userId) this.setUser(session, toSessionUser(user), seen.restriction);
      }
    } catch (error) {
      log.warn('live connections could not follow a user change', { userId, error: String(error) });
    }
  }

  /** The sign-in session a connection is attached to, if any (to keep it when its user changes their own account). */
  sessionIdOf(session: Session): number | null {
    return this.live.get(session)?.authSessionId ?? null;
  }

  /** Live connections signed in now (for status and tests). */
  liveSessions(): number {
    return this.live.size;
  }

  /** Users with a connection signed in now: the only ones a change of what they may do reaches at once. */
  liveUserIds(): Set<number> {
    return new Set([...this.live.values()].map((entry) => entry.userId));
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Resolves when background work (password hash upgrades) is done. */
  async settled(): Promise<void> {
    await Promise.all([...this.background]);
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────

  /** Opens a new sign-in session of `user` for the connection in the caller's unit of work. */
  private async open(tx: AccountsTx, session: Session, user: UserRecord, now: number): Promise<Opened> {
    const { row, token } = await tx.signInSessions.create(user.id, now, this.settings().sessionAbsoluteMinutes * MINUTE);
    return this.opening(tx, session, { authSessionId: row.id, token, expiresAt: row.expires_at }, user, now);
  }

  /** What attaching a session to the connection needs, read (and the session it replaces ended) in the caller's unit of work. */
  private async opening(tx: AccountsTx, session: Session, opened: Pick<Opened, 'authSessionId' | 'token' | 'expiresAt'>, user: UserRecord, now: number): Promise<Opened> {
    const previous = this.live.get(session)?.authSessionId ?? null;
    const replaced = previous !== null && previous !== opened.authSessionId ? previous : null;
    // A new sign-in on a connection replaces its old session for good.
    if (replaced !== null) await tx.signInSessions.end(replaced, now, 'replaced');
    const tenantName = await tenantNameOf(tx, user);
    const restriction = await enrolmentRestriction(tx.twoFactor, user, this.settings());
    return { ...opened, user, tenantName, restriction, replaced };
  }

  private attachOpened(session: Session, opened: Opened): SignInResult {
    const { replaced, authSessionId, token, expiresAt, user } = opened;
    if (replaced !== null) this.endLive((e) => e.authSessionId === replaced);
    const now = this.now();
    this.live.set(session, { authSessionId, userId: user.id, token, expiresAt, lastSeenAt: now, writtenAt: now });
    this.setUser(session, toSessionUser(user), opened.restriction);
    const result: SignInResult = { token, expiresAt: new Date(expiresAt).toISOString(), user: currentUser(user, opened.tenantName) };
    return session.restriction ? { ...result, restriction: session.restriction } : result;
  }

  /** Parameters were raised since this hash was made: upgrade it, in the background, while we know the password. */
  private rehash(userId: number, previousHash: string, password: string): void {
    const work: Promise<void> = hashPassword(password)
      .then((hash) => this.services.accounts.run((tx) => tx.credentials.rehash(userId, previousHash, hash)))
      .then(() => undefined)
      .catch((error: unknown) => this.services.log.warn('password rehash failed', { userId, error: String(error) }))
      .finally(() => this.background.delete(work));
    this.background.add(work);
  }

  /** Session bookkeeping that must not fail what it runs for (an invoke, the sweep): a failure is logged. */
  private async keepRecord(what: string, work: (tx: AccountsTx) => Promise<unknown>): Promise<void> {
    try {
      await this.services.accounts.run(work);
    } catch (error) {
      this.services.log.warn(`could not ${what}`, { error: String(error) });
    }
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

  /** `restriction` is the user's as read with it (sign-in, resume, role change, enrolment): an admin who must have two-factor sign-in and has not set it up may only enrol. */
  private setUser(session: Session, user: SessionUser | null, restriction?: SessionRestriction): void {
    session.user = user;
    session.restriction = user ? restriction : undefined;
    this.connections.get(session)?.dropUnauthorizedSubscriptions();
  }
}

async function tenantNameOf(tx: AccountsTx, user: UserRecord): Promise<string | null> {
  return user.tenantId === null ? null : ((await tx.tenants.get(user.tenantId))?.name ?? null);
}

function currentUser(user: UserRecord, tenantName: string | null): CurrentUser {
  return { id: user.id, username: user.username, name: user.name, email: user.email, role: user.role, tenantId: user.tenantId, tenantName };
}
