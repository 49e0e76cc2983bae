import type { UserRecord } from '../users/user-repository';

/**
 * Password hashes as a unit of work hands them out (the storage seam), for auth only: the user
 * store never returns one. Setting a new password is the user store's `update`.
 */
export interface CredentialStore {
  /** The account a username (as typed: case and spaces aside) names, with its password hash; null for none. */
  forUsername(username: string): Promise<{ user: UserRecord; passwordHash: string } | null>;
  passwordHash(userId: number): Promise<string | null>;
  /** Upgrades a hash to new parameters, only if it is still `previousHash` (the password was not changed meanwhile). */
  rehash(userId: number, previousHash: string, nextHash: string): Promise<boolean>;
}
