import type { AuthDeps } from './auth-deps';
import type { Db } from '../store/database';
import { usernameKey } from '../users/account-rules';
import type { UserRecord } from '../users/user-repository';
import { hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes';
import type { AttemptFactor } from './sign-in-attempts';
import { normalizeTotpCode, totpStep } from './totp';
import { withTotpSecret } from './totp-secret-access';
import { TrackedAttempts } from './tracked-attempts';
import type { TwoFactorStore } from './two-factor-store';

export type CodeCheck =
  /** `user` as read when the code was accepted: the check awaits, so the one it was given may be stale. */
  | { ok: true; factor: AttemptFactor; user: UserRecord }
  | { ok: false; reason: 'wrong' | 'replayed' | 'disabled' }
  | { ok: false; reason: 'locked'; until: number };

export interface SecondFactorCheckOptions {
  db: Db;
  /** What it reaches of the console (a function: the core's services are built after this check). */
  services: () => AuthDeps;
  store: TwoFactorStore;
  now: () => number;
}

/**
 * Checks a second-factor code of an enrolled user — a TOTP code (each time step once) or a
 * recovery code (each once) — and records the attempt in the sign-in attempts, so a wrong or
 * replayed code counts toward the lockout exactly like a wrong password (same settings, same
 * LoginFailed / AccountLocked events). A locked username is refused before any code is looked at,
 * and an account disabled or deleted while the code was being checked is refused without using it.
 */
export class SecondFactorCheck {
  private readonly attempts: TrackedAttempts;

  constructor(private readonly options: SecondFactorCheckOptions) {
    this.attempts = new TrackedAttempts(options.db, options.services);
  }

  /**
   * `signIn`: a success is recorded as a sign-in (it resets the failure count and is audited);
   * otherwise (confirming an account change) only failures are recorded.
   */
  async check(user: UserRecord, typedUsername: string, input: string, purpose: 'signIn' | 'confirm'): Promise<CodeCheck> {
    const { auth, log, users } = this.options.services();
    const { db, store } = this.options;
    const key = usernameKey(typedUsername);
    const totp = normalizeTotpCode(input);
    const recovery = totp === null ? normalizeRecoveryCode(input) : null;
    const factor: AttemptFactor = totp === null ? 'recovery' : 'totp';
    let step: number | null = null;
    if (totp !== null && this.attempts.lockedUntil(key, this.options.now()) === null) {
      const secret = withTotpSecret(
        log,
        user,
        () => store.secret(user.id),
        "Your authenticator secret cannot be read on this console (the data folder's secret key is not the one it was sealed with). Use a recovery code instead, then set up two-factor sign-in again.",
      );
      step = secret === null ? null : await totpStep(secret, totp, this.options.now());
    }
    const now = this.options.now();
    const base = { usernameKey: key, username: typedUsername, userId: user.id, tenantId: user.tenantId, at: now, factor };
    const settings = auth.settings();
    return db.transaction((): CodeCheck => {
      const lockedUntil = this.attempts.lockedUntil(key, now);
      if (lockedUntil !== null) {
        this.attempts.recordFailure({ ...base, outcome: 'locked' }, settings);
        return { ok: false, reason: 'locked', until: lockedUntil };
      }
      const current = users.get(user.id);
      if (!current || current.disabled) {
        this.attempts.recordFailure({ ...base, outcome: 'disabled' }, settings);
        return { ok: false, reason: 'disabled' };
      }
      const accepted =
        totp !== null
          ? step !== null && store.consumeStep(user.id, step)
          : recovery !== null && store.isEnrolled(user.id) && store.useRecoveryCode(user.id, hashRecoveryCode(recovery), now);
      if (accepted) {
        if (purpose === 'signIn') this.attempts.recordSuccess({ ...base, outcome: 'success' });
        return { ok: true, factor, user: current };
      }
      const row = this.attempts.recordFailure({ ...base, outcome: 'bad_credentials' }, settings);
      if (row.locked_until !== null) return { ok: false, reason: 'locked', until: row.locked_until };
      return { ok: false, reason: step !== null ? 'replayed' : 'wrong' };
    })();
  }
}

/** The message for a refused code; `locked` has its own error (the lockout's). */
export function codeRefusedMessage(reason: 'wrong' | 'replayed'): string {
  return reason === 'replayed'
    ? 'This code was already used. Wait for the next code in your authenticator app and enter that one.'
    : 'The code is wrong. Enter the current 6-digit code from your authenticator app, or one of your recovery codes.';
}
