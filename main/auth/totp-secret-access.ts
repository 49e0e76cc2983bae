import { DomainError } from '../contract/errors';
import type { Logger } from '../core/logger';
import { SecretBoxError } from '../secrets/secret-box';

/**
 * Seals or opens a user's TOTP secret through `use`. When the data folder's key is unavailable,
 * or is not the one the secret was sealed with, the SecretBox throws; that is the console's
 * state, not the user's mistake nor a bug, so it becomes an `unavailable` error saying what to do
 * (`advice`), and the reason (which may name the key file) goes to the log only.
 */
export async function withTotpSecret<T>(log: Logger, user: { id: number; tenantId: number | null }, use: () => Promise<T>, advice: string): Promise<T> {
  try {
    return await use();
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    log.warn('two-factor secret cannot be sealed or opened', { userId: user.id, tenantId: user.tenantId, error: error.message });
    throw new DomainError('unavailable', advice);
  }
}
