import type { TwoFactorEnrolmentStore } from './two-factor-enrolment-store';
import type { TwoFactorStore } from './two-factor-store';

/** Two-factor enrolments on the console's SQLite file (two_factor, its recovery codes, tenant_sign_in_policy). */
export function sqliteTwoFactorStore(table: TwoFactorStore): TwoFactorEnrolmentStore {
  return {
    get: async (userId) => table.get(userId),
    isEnrolled: async (userId) => table.isEnrolled(userId),
    secret: async (userId) => table.secret(userId),
    startEnrolment: async (userId, secret, now) => table.startEnrolment(userId, secret, now),
    confirm: async (userId, step, now) => table.confirm(userId, step, now),
    consumeStep: async (userId, step) => table.consumeStep(userId, step),
    remove: async (userId) => table.remove(userId),
    replaceRecoveryCodes: async (userId, hashes) => table.replaceRecoveryCodes(userId, hashes),
    useRecoveryCode: async (userId, hash, now) => table.useRecoveryCode(userId, hash, now),
    recoveryCodesLeft: async (userId) => table.recoveryCodesLeft(userId),
    tenantPolicy: async (tenantId) => table.tenantPolicy(tenantId),
    setTenantPolicy: async (tenantId, policy, now) => table.setTenantPolicy(tenantId, policy, now),
  };
}
