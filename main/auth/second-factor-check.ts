import { DomainError } from '../contract/errors';
import type { CoreServices } from '../core/services';
import type { Db } from '../store/database';
import { SecretBoxError } from '../secrets/secret-box';
import { usernameKey } from '../users/account-rules';
import type { UserRecord } from '../users/user-repository';
import { hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes';
import { SignInAttempts, type AttemptFactor, type AttemptRow } from './sign-in-attempts';
import { normalizeTotpCode, totpStep } from './totp';
import type { TwoFactorStore } from './two-factor-store';

export type CodeCheck =
  | { ok: true; factor: AttemptFactor }
  | { ok: false; reason: 'wrong' | 'replayed' }
  | { ok: false; reason: 'locked'; until: number };

export interface SecondFactorCheckOptions {
  db: Db;
  /** The core's services (a function: they are built after this check). */
  services: () => CoreServices;
  store: TwoFactorStore;
  now: () => number;
}

/**
 * Checks a second-factor code of an enrolled user — a TOTP code (each time step once) or a
 * recovery code (each once) — and records the attempt in the sign-in attempts, so a wrong or
 * replayed code counts toward the lockout exactly like a wrong password (same settings, same
 * LoginFailed / AccountLocked events). A locked username is refused before any code is looked at.
 */
export class SecondFactorCheck {
  private readonly attempts: SignInAttempts;

  constructor(private readonly options: SecondFactorCheckOptions) {
    this.attempts = new SignInAttempts(options.db);
  }

  /**
   * `signIn`: a success is recorded as a sign-in (it resets the failure count and is audited);
   * otherwise (confirming an account change) only failures are recorded.
   */
  async check(user: UserRecord, typedUsername: string, input: string, purpose: 'signIn' | 'confirm'): Promise<CodeCheck> {
    const { auth, log } = this.options.services();
    const { db, store } = this.options;
    const key = usernameKey(typedUsername);
    const totp = normalizeTotpCode(input);
    const recovery = totp === null ? normalizeRecoveryCode(input) : null;
    const factor: AttemptFactor = totp === null ? 'recovery' : 'totp';
    let step: number | null = null;
    if (totp !== null && this.attempts.lockedUntil(key, this.options.now()) === null) {
      try {
        const secret = store.secret(user.id);
        step = secret === null ? null : await totpStep(secret, totp, this.options.now());
      } catch (error) {
        if (!(error instanceof SecretBoxError)) throw error;
        log.warn('two-factor secret cannot be opened', { userId: user.id, tenantId: user.tenantId, error: error.message });
        throw new DomainError(
          'unavailable',
          "Your authenticator secret cannot be read on this console (the data folder's secret key is not the one it was sealed with). Use a recovery code instead, then set up two-factor sign-in again.",
        );
      }
    }
    const now = this.options.now();
    const base = { usernameKey: key, username: typedUsername, userId: user.id, tenantId: user.tenantId, at: now, factor };
    const settings = auth.settings();
    return db.transaction((): CodeCheck => {
      const lockedUntil = this.attempts.lockedUntil(key, now);
      if (lockedUntil !== null) {
        this.track(this.attempts.recordFailure({ ...base, outcome: 'locked' }, settings));
        return { ok: false, reason: 'locked', until: lockedUntil };
      }
      const accepted =
        totp !== null
          ? step !== null && store.consumeStep(user.id, step)
          : recovery !== null && store.isEnrolled(user.id) && store.useRecoveryCode(user.id, hashRecoveryCode(recovery), now);
      if (accepted) {
        if (purpose === 'signIn') this.track(this.attempts.recordSuccess({ ...base, outcome: 'success' }));
        return { ok: true, factor };
      }
      const row = this.track(this.attempts.recordFailure({ ...base, outcome: 'bad_credentials' }, settings));
      if (row.locked_until !== null) return { ok: false, reason: 'locked', until: row.locked_until };
      return { ok: false, reason: step !== null ? 'replayed' : 'wrong' };
    })();
  }

  /** Queues the audit entry and events of an attempt, in the transaction that recorded it. */
  private track(row: AttemptRow): AttemptRow {
    this.options.services().jobs.enqueue('auth.track-attempt', { attemptId: row.id }, { tenantId: row.tenant_id });
    return row;
  }
}

/** The message for a refused code; `locked` has its own error (the lockout's). */
export function codeRefusedMessage(reason: 'wrong' | 'replayed'): string {
  return reason === 'replayed'
    ? 'This code was already used. Wait for the next code in your authenticator app and enter that one.'
    : 'The code is wrong. Enter the current 6-digit code from your authenticator app, or one of your recovery codes.';
}
