import type { TenantSignInPolicy } from './two-factor-policy';

export interface TwoFactorRecord {
  userId: number;
  createdAt: number;
  /** null: enrolment started, not confirmed with a code yet. */
  enabledAt: number | null;
  /** The highest TOTP time step accepted so far; codes of this step or older are refused. */
  lastStep: number;
}

/**
 * Two-factor sign-in at rest as a unit of work hands it out (the storage seam): each user's
 * enrolment (the TOTP secret, kept sealed at rest; the calls that seal or open it reject with the
 * SecretBoxError when the console's key cannot), their recovery codes (hashes only), and each
 * tenant's requirement of it for its admins. "A code works once" holds under concurrent units of
 * work: `consumeStep` and `useRecoveryCode` accept a step or a code in one of them only.
 */
export interface TwoFactorEnrolmentStore {
  get(userId: number): Promise<TwoFactorRecord | null>;
  /** Enrolled: started and confirmed with a code. */
  isEnrolled(userId: number): Promise<boolean>;
  /** The TOTP secret in the clear, null without an enrolment. */
  secret(userId: number): Promise<string | null>;
  /** Starts (or restarts, with a new secret) an enrolment; false when the user is already enrolled. */
  startEnrolment(userId: number, secret: string, now: number): Promise<boolean>;
  /** Turns a started enrolment on, consuming the confirming code's step; false when none is waiting. */
  confirm(userId: number, step: number, now: number): Promise<boolean>;
  /** Accepts a code's time step once: false when this step (or a later one) was already used, or the user is not enrolled. */
  consumeStep(userId: number, step: number): Promise<boolean>;
  /** Ends two-factor sign-in for the user: the secret and every recovery code go. False when there was none. */
  remove(userId: number): Promise<boolean>;
  /** Replaces all recovery codes of the user (the old ones stop working). */
  replaceRecoveryCodes(userId: number, hashes: readonly string[]): Promise<void>;
  /** Uses a recovery code (by its hash) once; false when it is unknown or already used. */
  useRecoveryCode(userId: number, hash: string, now: number): Promise<boolean>;
  recoveryCodesLeft(userId: number): Promise<number>;
  /** A tenant's sign-in policy; nothing required until its admins set one. */
  tenantPolicy(tenantId: number): Promise<TenantSignInPolicy>;
  setTenantPolicy(tenantId: number, policy: TenantSignInPolicy, now: number): Promise<void>;
}
