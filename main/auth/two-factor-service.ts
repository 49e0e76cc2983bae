import { toDataURL } from 'qrcode';
import { DomainError } from '../contract/errors';
import type { AuthDeps } from './auth-deps';
import { usernameKey } from '../users/account-rules';
import type { UserRecord } from '../users/user-repository';
import { disabledError, lockedError } from './auth-service';
import type { SignInResult } from './contract';
import { verifyPassword } from './password';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { SecondFactorCheck, codeRefusedMessage, type CodeCheck } from './second-factor-check';
import type { Session, SessionUser } from './session';
import { newTotpSecret, normalizeTotpCode, totpStep, totpUri } from './totp';
import { withTotpSecret } from './totp-secret-access';
import { recordFailure } from './tracked-attempts';
import type { RecoveryCodes, SecondStepRequired, TenantSignInPolicyView, TwoFactorEnrolment, TwoFactorStatus } from './two-factor-contract';
import { twoFactorRequired, type TenantSignInPolicy } from './two-factor-policy';

export interface TwoFactorServiceOptions {
  /** What it reaches of the console (a function: the core's services are built after this service). */
  services: () => AuthDeps;
  /** Injectable time (epoch ms) for expiry tests; TOTP codes follow it too. */
  now?: () => number;
  /** How long the code step of a sign-in waits after the password. @defaultValue 300000 (5 min) */
  pendingSignInMs?: number;
}

/** The password step of a sign-in passed; the code is still owed. Held per connection, never as a token. */
interface PendingSignIn {
  userId: number;
  /** As typed at the password step: the lockout counts under the same key. */
  username: string;
  expiresAt: number;
}

const fieldError = (field: string, message: string) => new DomainError('invalid_input', message, { fields: { [field]: message } });
const NOT_ENROLLED = () => new DomainError('conflict', 'Two-factor sign-in is not on for your account. Set it up first (My Account).');
const SECRET_KEY_UNUSABLE =
  "Two-factor sign-in cannot be set up on this console now: its secret key cannot be used (the console's log says why). Ask the console's administrator to fix the data folder's key, then start the set-up again.";

/**
 * Two-factor sign-in (TOTP, RFC 6238) with recovery codes: the code step of a sign-in, the
 * enrolment-only restriction of admins who must have it, and each user's own enrolment.
 */
export class TwoFactorService {
  private readonly check: SecondFactorCheck;
  // Keyed by the connection's session: the pending step dies with the connection and is never resumable elsewhere.
  private readonly pending = new WeakMap<Session, PendingSignIn>();
  private readonly now: () => number;

  constructor(private readonly options: TwoFactorServiceOptions) {
    this.now = options.now ?? Date.now;
    this.check = new SecondFactorCheck({ services: options.services, now: this.now });
  }

  private get services(): AuthDeps {
    return this.options.services();
  }

  // ── sign-in ────────────────────────────────────────────────────────────────────────────

  /** The password was right: the connection now owes the code (nobody is signed in yet). */
  beginSignIn(session: Session, user: UserRecord, typedUsername: string): SecondStepRequired {
    const expiresAt = this.now() + (this.options.pendingSignInMs ?? 5 * 60_000);
    this.pending.set(session, { userId: user.id, username: typedUsername, expiresAt });
    return { secondStep: 'two_factor', expiresAt: new Date(expiresAt).toISOString() };
  }

  /** A new sign-in on the connection starts from the password again. */
  cancelSignIn(session: Session): void {
    this.pending.delete(session);
  }

  async completeSignIn(session: Session, code: string): Promise<SignInResult> {
    const pending = this.pending.get(session);
    if (!pending || this.now() >= pending.expiresAt) {
      this.pending.delete(session);
      throw new DomainError('unauthenticated', 'No sign-in is waiting for a code on this connection (the code must follow the password within 5 minutes). Sign in again with your password.');
    }
    const user = await this.services.accounts.read(async (tx) => {
      const found = await tx.users.get(pending.userId);
      return found && !found.disabled && (await tx.twoFactor.isEnrolled(found.id)) ? found : null;
    });
    if (!user) {
      this.pending.delete(session);
      throw new DomainError('unauthenticated', 'This sign-in can no longer finish. Sign in again with your password.');
    }
    const result = await this.check.check(user, pending.username, code, 'signIn');
    if (!result.ok) {
      if (result.reason === 'locked' || result.reason === 'disabled') this.pending.delete(session);
      throw this.refused(result, (message) => new DomainError('unauthenticated', message));
    }
    this.pending.delete(session);
    // The user as the check read it when it accepted the code, not as it was before the await: disabled meanwhile gets no session, a new role applies.
    return this.services.auth.startSession(session, result.user);
  }

  // ── the enrolment restriction ──────────────────────────────────────────────────────────

  /** A requirement changed: live sessions of the admins in scope get their restriction (re)applied. */
  async requirementChanged(scope: { tenantId: number | null }): Promise<void> {
    const { accounts, auth } = this.services;
    const users = await accounts.read((tx) => tx.users.list(scope));
    // Admins without a live connection meet the requirement when they next sign in or resume.
    const live = auth.liveUserIds();
    for (const user of users) {
      if ((user.role === 'system_admin' || user.role === 'tenant_admin') && live.has(user.id)) await auth.userChanged(user.id);
    }
  }

  async tenantPolicy(tenantId: number): Promise<TenantSignInPolicyView> {
    return { tenantId, ...(await this.services.accounts.read((tx) => tx.twoFactor.tenantPolicy(tenantId))) };
  }

  async updateTenantPolicy(actor: SessionUser, tenantId: number, policy: TenantSignInPolicy): Promise<TenantSignInPolicyView> {
    const now = this.now();
    await this.services.accounts.run(async (tx) => {
      await tx.twoFactor.setTenantPolicy(tenantId, policy, now);
      await tx.audit.record({ at: now, tenantId, actor, action: 'settings.updated', target: { type: 'settings', id: tenantId, label: 'sign-in policy' }, details: { ...policy } });
    });
    await this.requirementChanged({ tenantId });
    return this.tenantPolicy(tenantId);
  }

  // ── the user's own enrolment ───────────────────────────────────────────────────────────

  async status(user: SessionUser): Promise<TwoFactorStatus> {
    const settings = this.services.auth.settings();
    return this.services.accounts.read(async (tx) => {
      const record = await tx.twoFactor.get(user.id);
      const enabledAt = record?.enabledAt ?? null;
      return {
        enrolled: enabledAt !== null,
        required: await twoFactorRequired(tx.twoFactor, user, settings),
        enrolling: record !== null && enabledAt === null,
        enabledAt: enabledAt === null ? null : new Date(enabledAt).toISOString(),
        recoveryCodesLeft: await tx.twoFactor.recoveryCodesLeft(user.id),
      };
    });
  }

  /** A new secret (replacing an unconfirmed one); sign-in is unchanged until `confirm`. */
  async begin(user: SessionUser): Promise<TwoFactorEnrolment> {
    const secret = newTotpSecret();
    const now = this.now();
    const started = await withTotpSecret(this.services.log, user, () => this.services.accounts.run((tx) => tx.twoFactor.startEnrolment(user.id, secret, now)), SECRET_KEY_UNUSABLE);
    if (!started) throw new DomainError('conflict', 'Two-factor sign-in is already on. Turn it off first to move it to another app.');
    const uri = totpUri(secret, user.username);
    return { secret, uri, qrDataUrl: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  /**
   * Turns two-factor sign-in on. The user's other sessions end (as a password change does): they
   * were opened without the code, and may be why the account is being secured. `keepSessionId`
   * is the session the user confirmed from.
   */
  async confirm(user: SessionUser, code: string, keepSessionId?: number): Promise<RecoveryCodes> {
    const { accounts, log } = this.services;
    const record = await accounts.read((tx) => tx.twoFactor.get(user.id));
    if (!record) throw new DomainError('conflict', 'Start the set-up first: it shows the QR code to scan.');
    if (record.enabledAt !== null) throw new DomainError('conflict', 'Two-factor sign-in is already on.');
    const totp = normalizeTotpCode(code);
    if (totp === null) throw fieldError('code', 'Enter the 6-digit code your authenticator app shows.');
    const secret = await withTotpSecret(log, user, () => accounts.read((tx) => tx.twoFactor.secret(user.id)), SECRET_KEY_UNUSABLE);
    // Gone since it was read: turned off (or begun again) in another window.
    if (secret === null) throw new DomainError('conflict', 'Start the set-up again: it was changed in another window.');
    const step = await totpStep(secret, totp, this.now());
    if (step === null) throw fieldError('code', "The code does not match. Check that the phone's clock is right and enter the code it shows now.");
    const codes = newRecoveryCodes();
    const now = this.now();
    await accounts.run(async (tx) => {
      if (!(await tx.twoFactor.confirm(user.id, step, now))) throw new DomainError('conflict', 'Two-factor sign-in was turned on meanwhile (another window?).');
      await tx.twoFactor.replaceRecoveryCodes(user.id, codes.map(hashOf));
      await tx.signInSessions.endAllOf(user.id, now, 'two_factor_enabled', keepSessionId);
      await tx.audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.two_factor_enabled', target: { type: 'user', id: user.id, label: user.username } });
    });
    await this.services.auth.userChanged(user.id); // signs out the connections of the ended sessions, lifts the enrolment restriction on the kept one
    return { recoveryCodes: codes };
  }

  /** Off, with the password and a code (a recovery code will do: the phone may be gone). */
  async disable(user: SessionUser, password: string, code: string): Promise<void> {
    const { accounts } = this.services;
    if (!(await accounts.read((tx) => tx.twoFactor.isEnrolled(user.id)))) throw NOT_ENROLLED();
    await this.confirmWithPassword(user, password);
    await this.confirmWithCode(user, code);
    const now = this.now();
    await accounts.run(async (tx) => {
      await tx.twoFactor.remove(user.id);
      await tx.audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.two_factor_disabled', target: { type: 'user', id: user.id, label: user.username } });
    });
    await this.services.auth.userChanged(user.id); // an admin who must have it is taken back to enrolment
  }

  async regenerateRecoveryCodes(user: SessionUser, code: string): Promise<RecoveryCodes> {
    const { accounts } = this.services;
    if (!(await accounts.read((tx) => tx.twoFactor.isEnrolled(user.id)))) throw NOT_ENROLLED();
    await this.confirmWithCode(user, code);
    const codes = newRecoveryCodes();
    const now = this.now();
    await accounts.run(async (tx) => {
      await tx.twoFactor.replaceRecoveryCodes(user.id, codes.map(hashOf));
      await tx.audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.recovery_codes_regenerated', target: { type: 'user', id: user.id, label: user.username } });
    });
    return { recoveryCodes: codes };
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────

  /**
   * The password that guards turning two-factor off. A wrong one counts toward the lockout like at
   * sign-in (anyone signed in could otherwise guess their account's password here without limit),
   * and a locked account is refused before any hashing.
   */
  private async confirmWithPassword(user: SessionUser, password: string): Promise<void> {
    const { accounts, auth } = this.services;
    const key = usernameKey(user.username);
    const seen = await accounts.read(async (tx) => ({ locked: (await tx.signInAttempts.lockedUntil(key, this.now())) !== null, stored: await tx.credentials.passwordHash(user.id) }));
    if (!seen.locked && seen.stored && (await verifyPassword(password, seen.stored))) return;
    const settings = auth.settings();
    const attempt = { usernameKey: key, username: user.username, userId: user.id, tenantId: user.tenantId, at: this.now() };
    const lockedUntil = await accounts.run(async (tx): Promise<number | null> => {
      const until = await tx.signInAttempts.lockedUntil(key, attempt.at);
      if (until !== null) {
        await recordFailure(tx, { ...attempt, outcome: 'locked' }, settings);
        return until;
      }
      return (await recordFailure(tx, { ...attempt, outcome: 'bad_credentials' }, settings)).locked_until;
    });
    throw lockedUntil === null ? fieldError('password', 'The password is wrong.') : lockedError(lockedUntil);
  }

  /** A code that guards an account change; failures count toward the lockout like at sign-in. */
  private async confirmWithCode(user: SessionUser, code: string): Promise<void> {
    const record = await this.services.accounts.read((tx) => tx.users.get(user.id));
    if (!record) throw new DomainError('unauthenticated', 'Your account no longer exists.');
    const result = await this.check.check(record, record.username, code, 'confirm');
    if (!result.ok) throw this.refused(result, (message) => fieldError('code', message));
  }

  private refused(result: Exclude<CodeCheck, { ok: true }>, wrong: (message: string) => DomainError): DomainError {
    if (result.reason === 'locked') return lockedError(result.until);
    if (result.reason === 'disabled') return disabledError();
    return wrong(codeRefusedMessage(result.reason));
  }
}

const hashOf = (code: string): string => hashRecoveryCode(normalizeRecoveryCode(code)!);
