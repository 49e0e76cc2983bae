import { refusingDuplicates } from '../store/unique-conflict';
import type { UserRepository } from './user-repository';
import type { UserStore } from './user-store';

const TAKEN = 'that username or email belongs to another account: choose another';

/** The user store on the console's SQLite file (the users table and its lockouts). */
export function sqliteUserStore(table: UserRepository): UserStore {
  return {
    count: async () => table.count(),
    get: async (id, scope) => table.get(id, scope),
    findByUsername: async (username) => table.findByUsername(username),
    usernameTaken: async (username) => table.usernameTaken(username),
    emailTaken: async (email, exceptUserId) => table.emailTaken(email, exceptUserId),
    list: async (scope) => table.list(scope),
    activeAdmins: async (tenantId) => table.activeAdmins(tenantId),
    insert: async (user, now) => refusingDuplicates(() => table.insert(user, now), TAKEN),
    update: async (id, changes, now) => refusingDuplicates(() => table.update(id, changes, now), TAKEN),
    delete: async (id) => table.delete(id),
    recordSignIn: async (id, at) => table.recordSignIn(id, at),
  };
}
