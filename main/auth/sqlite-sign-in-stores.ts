import type { UserRepository } from '../users/user-repository';
import type { AuthSessionStore } from './auth-session-store';
import type { CredentialStore } from './credential-store';
import type { SignInAttemptStore } from './sign-in-attempt-store';
import type { SignInAttempts } from './sign-in-attempts';
import type { SignInSessionStore } from './sign-in-session-store';

/** Sign-in sessions on the console's SQLite file (the auth_sessions table). */
export function sqliteSignInSessionStore(table: AuthSessionStore): SignInSessionStore {
  return {
    create: async (userId, now, absoluteMs) => table.create(userId, now, absoluteMs),
    findOpen: async (token) => table.findOpen(token),
    touch: async (id, now) => table.touch(id, now),
    end: async (id, now, reason) => table.end(id, now, reason),
    endAllOf: async (userId, now, reason, exceptId) => table.endAllOf(userId, now, reason, exceptId),
    openIdsOf: async (userId) => table.openIdsOf(userId),
    deleteOverBefore: async (cutoff, limit) => table.deleteOverBefore(cutoff, limit),
  };
}

/** Sign-in attempts and lockouts on the console's SQLite file (auth_attempts, auth_lockouts). */
export function sqliteSignInAttemptStore(table: SignInAttempts): SignInAttemptStore {
  return {
    lockedUntil: async (key, now) => table.lockedUntil(key, now),
    recordFailure: async (attempt, settings) => table.recordFailure(attempt, settings),
    recordSuccess: async (attempt) => table.recordSuccess(attempt),
    unlock: async (key, now) => table.unlock(key, now),
    get: async (id) => table.get(id),
    markTracked: async (id, now) => table.markTracked(id, now),
    deleteBefore: async (cutoff, limit) => table.deleteBefore(cutoff, limit),
    deleteLocksEndedBefore: async (cutoff) => table.deleteLocksEndedBefore(cutoff),
  };
}

/** Password hashes on the console's SQLite file (the users table). */
export function sqliteCredentialStore(table: UserRepository): CredentialStore {
  return {
    forUsername: async (username) => table.credentials(username),
    passwordHash: async (userId) => table.passwordHash(userId),
    rehash: async (userId, previousHash, nextHash) => table.rehashPassword(userId, previousHash, nextHash),
  };
}
