import type { NewUser, UserChanges, UserRecord, UserScope } from './user-repository';

/**
 * Users as a unit of work hands them out (the storage seam): Promise-returning, free of the store
 * behind it. Usernames and emails are unique across the install by their keys (case and spaces
 * aside): a second account with either is refused with `conflict`. Every read takes a scope.
 */
export interface UserStore {
  count(): Promise<number>;
  get(id: number, scope?: UserScope): Promise<UserRecord | null>;
  findByUsername(username: string): Promise<UserRecord | null>;
  usernameTaken(username: string): Promise<boolean>;
  /** Whether another account (not `exceptUserId`) has this email. */
  emailTaken(email: string, exceptUserId?: number): Promise<boolean>;
  /** By username. */
  list(scope: UserScope): Promise<UserRecord[]>;
  /** Enabled admins of a tenant (or system admins for null): the last one may not go. */
  activeAdmins(tenantId: number | null): Promise<number>;
  insert(user: NewUser, now: number): Promise<UserRecord>;
  /** Null when no user has that id. */
  update(id: number, changes: UserChanges, now: number): Promise<UserRecord | null>;
  delete(id: number): Promise<boolean>;
  /** Keeps the latest sign-in time (an older one arriving late changes nothing). */
  recordSignIn(id: number, at: number): Promise<void>;
}
