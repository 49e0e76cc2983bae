import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import type { TwoFactorRecord } from './two-factor-enrolment-store';
import { DEFAULT_TENANT_POLICY, type TenantSignInPolicy } from './two-factor-policy';

interface Row {
  user_id: number;
  secret_sealed: string;
  created_at: number;
  enabled_at: number | null;
  last_step: number;
}

const toRecord = (r: Row): TwoFactorRecord => ({ userId: r.user_id, createdAt: r.created_at, enabledAt: r.enabled_at, lastStep: r.last_step });

/**
 * Two-factor enrolments, recovery codes and tenants' sign-in policies at rest: the TOTP secret
 * sealed with the host's SecretBox (like router credentials), recovery codes as hashes only. The
 * conditional updates (`WHERE last_step < ?`, `WHERE used_at IS NULL`) make "a code works once"
 * hold under concurrent invokes. The SQLite side of TwoFactorEnrolmentStore (see
 * sqlite-two-factor-store.ts); callers open transactions, nothing here does.
 */
export class TwoFactorStore {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  get(userId: number): TwoFactorRecord | null {
    const row = this.db.prepare<[number], Row>('SELECT * FROM two_factor WHERE user_id = ?').get(userId);
    return row ? toRecord(row) : null;
  }

  isEnrolled(userId: number): boolean {
    return this.db.prepare('SELECT 1 FROM two_factor WHERE user_id = ? AND enabled_at IS NOT NULL').get(userId) !== undefined;
  }

  /** The TOTP secret in the clear; throws a SecretBoxError when the data folder's key cannot open it. */
  secret(userId: number): string | null {
    const row = this.db.prepare<[number], { secret_sealed: string }>('SELECT secret_sealed FROM two_factor WHERE user_id = ?').get(userId);
    return row ? this.secrets.open(row.secret_sealed) : null;
  }

  /** Starts (or restarts) an enrolment with a new secret; false when the user is already enrolled. */
  startEnrolment(userId: number, secret: string, now: number): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO two_factor (user_id, secret_sealed, created_at) VALUES (?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, created_at = excluded.created_at, last_step = 0
           WHERE two_factor.enabled_at IS NULL`,
        )
        .run(userId, this.secrets.seal(secret), now).changes === 1
    );
  }

  /** Turns a started enrolment on, consuming the step of the confirming code. */
  confirm(userId: number, step: number, now: number): boolean {
    return this.db.prepare('UPDATE two_factor SET enabled_at = ?, last_step = ? WHERE user_id = ? AND enabled_at IS NULL').run(now, step, userId).changes === 1;
  }

  /** Accepts a code's time step once: false when this step (or a later one) was already used. */
  consumeStep(userId: number, step: number): boolean {
    return this.db.prepare('UPDATE two_factor SET last_step = ? WHERE user_id = ? AND enabled_at IS NOT NULL AND last_step < ?').run(step, userId, step).changes === 1;
  }

  /** Ends two-factor sign-in for the user: the secret and every recovery code go. */
  remove(userId: number): boolean {
    this.db.prepare('DELETE FROM two_factor_recovery_codes WHERE user_id = ?').run(userId);
    return this.db.prepare('DELETE FROM two_factor WHERE user_id = ?').run(userId).changes === 1;
  }

  /** Replaces all recovery codes of the user (the old ones stop working). */
  replaceRecoveryCodes(userId: number, hashes: readonly string[]): void {
    this.db.prepare('DELETE FROM two_factor_recovery_codes WHERE user_id = ?').run(userId);
    const insert = this.db.prepare('INSERT INTO two_factor_recovery_codes (user_id, code_hash) VALUES (?, ?)');
    for (const hash of hashes) insert.run(userId, hash);
  }

  /** Uses a recovery code once; false when it is unknown or already used. */
  useRecoveryCode(userId: number, hash: string, now: number): boolean {
    return (
      this.db.prepare('UPDATE two_factor_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL').run(now, userId, hash)
        .changes === 1
    );
  }

  recoveryCodesLeft(userId: number): number {
    return this.db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM two_factor_recovery_codes WHERE user_id = ? AND used_at IS NULL').get(userId)!.n;
  }

  tenantPolicy(tenantId: number): TenantSignInPolicy {
    const row = this.db
      .prepare<[number], { require_two_factor_admins: number }>('SELECT require_two_factor_admins FROM tenant_sign_in_policy WHERE tenant_id = ?')
      .get(tenantId);
    return row ? { requireTwoFactorForAdmins: row.require_two_factor_admins === 1 } : DEFAULT_TENANT_POLICY;
  }

  setTenantPolicy(tenantId: number, policy: TenantSignInPolicy, now: number): void {
    this.db
      .prepare(
        `INSERT INTO tenant_sign_in_policy (tenant_id, require_two_factor_admins, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (tenant_id) DO UPDATE SET require_two_factor_admins = excluded.require_two_factor_admins, updated_at = excluded.updated_at`,
      )
      .run(tenantId, policy.requireTwoFactorForAdmins ? 1 : 0, now);
  }
}
