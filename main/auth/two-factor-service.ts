import { toDataURL } from 'qrcode';
import { DomainError } from '../contract/errors';
import type { CoreServices } from '../core/services';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import type { UserRecord } from '../users/user-repository';
import { lockedError } from './auth-service';
import type { SignInResult } from './contract';
import { verifyPassword } from './password';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import { SecondFactorCheck, codeRefusedMessage, type CodeCheck } from './second-factor-check';
import type { Session, SessionRestriction, SessionUser } from './session';
import { newTotpSecret, normalizeTotpCode, totpStep, totpUri } from './totp';
import type { RecoveryCodes, SecondStepRequired, TenantSignInPolicyView, TwoFactorEnrolment, TwoFactorStatus } from './two-factor-contract';
import { readTenantPolicy, twoFactorRequired, writeTenantPolicy, type TenantSignInPolicy } from './two-factor-policy';
import { TwoFactorStore } from './two-factor-store';

export interface TwoFactorServiceOptions {
  db: Db;
  /** The host's SecretBox: TOTP secrets are sealed with it, like router credentials. */
  secrets: SecretBox;
  /** The core's services (a function: they are built after this service). */
  services: () => CoreServices;
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

/**
 * Two-factor sign-in (TOTP, RFC 6238) with recovery codes: the code step of a sign-in, the
 * enrolment-only restriction of admins who must have it, and each user's own enrolment.
 */
export class TwoFactorService {
  readonly store: TwoFactorStore;
  private readonly check: SecondFactorCheck;
  // Keyed by the connection's session: the pending step dies with the connection and is never resumable elsewhere.
  private readonly pending = new WeakMap<Session, PendingSignIn>();
  private readonly now: () => number;

  constructor(private readonly options: TwoFactorServiceOptions) {
    this.now = options.now ?? Date.now;
    this.store = new TwoFactorStore(options.db, options.secrets);
    this.check = new SecondFactorCheck({ db: options.db, services: options.services, store: this.store, now: this.now });
  }

  private get services(): CoreServices {
    return this.options.services();
  }

  // ── sign-in ────────────────────────────────────────────────────────────────────────────

  /** Whether a correct password must be followed by a code for this user. */
  needsSecondStep(userId: number): boolean {
    return this.store.isEnrolled(userId);
  }

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
    const user = this.services.users.get(pending.userId);
    if (!user || user.disabled || !this.store.isEnrolled(user.id)) {
      this.pending.delete(session);
      throw new DomainError('unauthenticated', 'This sign-in can no longer finish. Sign in again with your password.');
    }
    const result = await this.check.check(user, pending.username, code, 'signIn');
    if (!result.ok) {
      if (result.reason === 'locked') this.pending.delete(session);
      throw this.refused(result, (message) => new DomainError('unauthenticated', message));
    }
    this.pending.delete(session);
    return this.services.auth.startSession(session, user);
  }

  // ── the enrolment restriction ──────────────────────────────────────────────────────────

  /** Set on a session with its user: an admin who must have two-factor sign-in and has not enrolled. */
  restrictionOf(user: SessionUser): SessionRestriction | undefined {
    return this.required(user) && !this.store.isEnrolled(user.id) ? 'two_factor_enrolment' : undefined;
  }

  /** A requirement changed: live sessions of the admins in scope get their restriction (re)applied. */
  requirementChanged(scope: { tenantId: number | null }): void {
    const { users, auth } = this.services;
    for (const user of users.list(scope)) {
      if (user.role === 'system_admin' || user.role === 'tenant_admin') auth.userChanged(user.id);
    }
  }

  tenantPolicy(tenantId: number): TenantSignInPolicyView {
    return { tenantId, ...readTenantPolicy(this.options.db, tenantId) };
  }

  updateTenantPolicy(actor: SessionUser, tenantId: number, policy: TenantSignInPolicy): TenantSignInPolicyView {
    const { db, audit } = this.services;
    const now = this.now();
    const entry = db.transaction(() => {
      writeTenantPolicy(db, tenantId, policy, now);
      return audit.record({ at: now, tenantId, actor, action: 'settings.updated', target: { type: 'settings', id: tenantId, label: 'sign-in policy' }, details: { ...policy } });
    })();
    audit.publish(entry);
    this.requirementChanged({ tenantId });
    return this.tenantPolicy(tenantId);
  }

  // ── the user's own enrolment ───────────────────────────────────────────────────────────

  status(user: SessionUser): TwoFactorStatus {
    const record = this.store.get(user.id);
    const enabledAt = record?.enabledAt ?? null;
    return {
      enrolled: enabledAt !== null,
      required: this.required(user),
      enrolling: record !== null && enabledAt === null,
      enabledAt: enabledAt === null ? null : new Date(enabledAt).toISOString(),
      recoveryCodesLeft: this.store.recoveryCodesLeft(user.id),
    };
  }

  /** A new secret (replacing an unconfirmed one); sign-in is unchanged until `confirm`. */
  async begin(user: SessionUser): Promise<TwoFactorEnrolment> {
    const secret = newTotpSecret();
    if (!this.store.startEnrolment(user.id, secret, this.now())) {
      throw new DomainError('conflict', 'Two-factor sign-in is already on. Turn it off first to move it to another app.');
    }
    const uri = totpUri(secret, user.username);
    return { secret, uri, qrDataUrl: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  async confirm(user: SessionUser, code: string): Promise<RecoveryCodes> {
    const record = this.store.get(user.id);
    if (!record) throw new DomainError('conflict', 'Start the set-up first: it shows the QR code to scan.');
    if (record.enabledAt !== null) throw new DomainError('conflict', 'Two-factor sign-in is already on.');
    const totp = normalizeTotpCode(code);
    if (totp === null) throw fieldError('code', 'Enter the 6-digit code your authenticator app shows.');
    const step = await totpStep(this.store.secret(user.id)!, totp, this.now());
    if (step === null) throw fieldError('code', "The code does not match. Check that the phone's clock is right and enter the code it shows now.");
    const codes = newRecoveryCodes();
    const { db, audit } = this.services;
    const now = this.now();
    const entry = db.transaction(() => {
      if (!this.store.confirm(user.id, step, now)) throw new DomainError('conflict', 'Two-factor sign-in was turned on meanwhile (another window?).');
      this.store.replaceRecoveryCodes(user.id, codes.map(hashOf));
      return audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.two_factor_enabled', target: { type: 'user', id: user.id, label: user.username } });
    })();
    audit.publish(entry);
    this.services.auth.userChanged(user.id); // lifts the enrolment restriction on every live session of the user
    return { recoveryCodes: codes };
  }

  /** Off, with the password and a code (a recovery code will do: the phone may be gone). */
  async disable(user: SessionUser, password: string, code: string): Promise<void> {
    if (!this.store.isEnrolled(user.id)) throw NOT_ENROLLED();
    const { users, db, audit } = this.services;
    const stored = users.passwordHash(user.id);
    if (!stored || !(await verifyPassword(password, stored))) throw fieldError('password', 'The password is wrong.');
    await this.confirmWithCode(user, code);
    const now = this.now();
    const entry = db.transaction(() => {
      this.store.remove(user.id);
      return audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.two_factor_disabled', target: { type: 'user', id: user.id, label: user.username } });
    })();
    audit.publish(entry);
    this.services.auth.userChanged(user.id); // an admin who must have it is taken back to enrolment
  }

  async regenerateRecoveryCodes(user: SessionUser, code: string): Promise<RecoveryCodes> {
    if (!this.store.isEnrolled(user.id)) throw NOT_ENROLLED();
    await this.confirmWithCode(user, code);
    const codes = newRecoveryCodes();
    const { db, audit } = this.services;
    const now = this.now();
    const entry = db.transaction(() => {
      this.store.replaceRecoveryCodes(user.id, codes.map(hashOf));
      return audit.record({ at: now, tenantId: user.tenantId, actor: user, action: 'auth.recovery_codes_regenerated', target: { type: 'user', id: user.id, label: user.username } });
    })();
    audit.publish(entry);
    return { recoveryCodes: codes };
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────

  private required(user: Pick<SessionUser, 'role' | 'tenantId'>): boolean {
    return twoFactorRequired(this.options.db, user, this.services.auth.settings());
  }

  /** A code that guards an account change; failures count toward the lockout like at sign-in. */
  private async confirmWithCode(user: SessionUser, code: string): Promise<void> {
    const record = this.services.users.get(user.id);
    if (!record) throw new DomainError('unauthenticated', 'Your account no longer exists.');
    const result = await this.check.check(record, record.username, code, 'confirm');
    if (!result.ok) throw this.refused(result, (message) => fieldError('code', message));
  }

  private refused(result: Exclude<CodeCheck, { ok: true }>, wrong: (message: string) => DomainError): DomainError {
    return result.reason === 'locked' ? lockedError(result.until) : wrong(codeRefusedMessage(result.reason));
  }
}

const hashOf = (code: string): string => hashRecoveryCode(normalizeRecoveryCode(code)!);
