import type { AuthDeps } from './auth-deps';
import { usernameKey } from '../users/account-rules';
import type { UserRecord } from '../users/user-repository';
import { hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes';
import type { AttemptFactor } from './sign-in-attempt-store';
import { normalizeTotpCode, totpStep } from './totp';
import { withTotpSecret } from './totp-secret-access';
import { recordFailure, recordSuccess } from './tracked-attempts';

export type CodeCheck =
  /** `user` as read when the code was accepted: the check awaits, so the one it was given may be stale. */
  | { ok: true; factor: AttemptFactor; user: UserRecord }
  | { ok: false; reason: 'wrong' | 'replayed' | 'disabled' }
  | { ok: false; reason: 'locked'; until: number };

export interface SecondFactorCheckOptions {
  /** What it reaches of the console (a function: the core's services are built after this check). */
  services: () => AuthDeps;
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
  constructor(private readonly options: SecondFactorCheckOptions) {}

  /**
   * `signIn`: a success is recorded as a sign-in (it resets the failure count and is audited);
   * otherwise (confirming an account change) only failures are recorded.
   */
  async check(user: UserRecord, typedUsername: string, input: string, purpose: 'signIn' | 'confirm'): Promise<CodeCheck> {
    const { accounts, auth, log } = this.options.services();
    const key = usernameKey(typedUsername);
    const totp = normalizeTotpCode(input);
    const recovery = totp === null ? normalizeRecoveryCode(input) : null;
    const factor: AttemptFactor = totp === null ? 'recovery' : 'totp';
    let step: number | null = null;
    if (totp !== null && (await accounts.read((tx) => tx.signInAttempts.lockedUntil(key, this.options.now()))) === null) {
      const secret = await withTotpSecret(
        log,
        user,
        () => accounts.read((tx) => tx.twoFactor.secret(user.id)),
        "Your authenticator secret cannot be read on this console (the data folder's secret key is not the one it was sealed with). Use a recovery code instead, then set up two-factor sign-in again.",
      );
      step = secret === null ? null : await totpStep(secret, totp, this.options.now());
    }
    const now = this.options.now();
    const base = { usernameKey: key, username: typedUsername, userId: user.id, tenantId: user.tenantId, at: now, factor };
    const settings = auth.settings();
    // The step or the recovery code is used in the unit that records the attempt: "a code works once" holds across concurrent checks.
    return accounts.run(async (tx): Promise<CodeCheck> => {
      const lockedUntil = await tx.signInAttempts.lockedUntil(key, now);
      if (lockedUntil !== null) {
        await recordFailure(tx, { ...base, outcome: 'locked' }, settings);
        return { ok: false, reason: 'locked', until: lockedUntil };
      }
      const current = await tx.users.get(user.id);
      if (!current || current.disabled) {
        await recordFailure(tx, { ...base, outcome: 'disabled' }, settings);
        return { ok: false, reason: 'disabled' };
      }
      const accepted =
        totp !== null
          ? step !== null && (await tx.twoFactor.consumeStep(user.id, step))
          : recovery !== null && (await tx.twoFactor.isEnrolled(user.id)) && (await tx.twoFactor.useRecoveryCode(user.id, hashRecoveryCode(recovery), now));
      if (accepted) {
        if (purpose === 'signIn') await recordSuccess(tx, { ...base, outcome: 'success' });
        return { ok: true, factor, user: current };
      }
      const row = await recordFailure(tx, { ...base, outcome: 'bad_credentials' }, settings);
      if (row.locked_until !== null) return { ok: false, reason: 'locked', until: row.locked_until };
      return { ok: false, reason: step !== null ? 'replayed' : 'wrong' };
    });
  }
}

/** The message for a refused code; `locked` has its own error (the lockout's). */
export function codeRefusedMessage(reason: 'wrong' | 'replayed'): string {
  return reason === 'replayed'
    ? 'This code was already used. Wait for the next code in your authenticator app and enter that one.'
    : 'The code is wrong. Enter the current 6-digit code from your authenticator app, or one of your recovery codes.';
}
