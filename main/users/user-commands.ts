import { DomainError } from '../contract/errors';
import type { Role, Session, SessionUser } from '../auth/session';
import type { StagedField } from './user-jobs';
import { writeTenant } from '../auth/tenant-scope';
import { hashPassword } from '../auth/password';
import { TAKEN, checkEmail, checkPassword, checkPersonName, checkUsername, usernameKey, type FieldErrors } from './account-rules';
import type { UserCommandAccepted } from './contract';
import { isAbove, isLastAdmin } from './user-authority';
import type { UserRecord } from './user-repository';
import type { UserServices } from './user-services';
import type { UserStore } from './user-store';

/**
 * The user-management commands as invokes see them: authorize, validate field by field, hash any
 * password, then enqueue the `user-management` job that applies the change (user-jobs.ts) and
 * answer at once with its id. Names, emails and password hashes go to the job as its private
 * input, never in its payload (which job lists, details and events show); plain passwords go
 * nowhere.
 */

export const lastAdminError = (user: UserRecord, field: string) => {
  const scope = user.tenantId === null ? 'the console' : 'this tenant';
  const message = `${user.username} is the last admin of ${scope}. Make another user an admin first.`;
  return new DomainError('conflict', message, { fields: { [field]: message } });
};

const invalid = (fields: FieldErrors) =>
  new DomainError('invalid_input', `Check the highlighted fields: ${Object.values(fields).join(' ')}`, { fields });

function actorOf(session: Session): SessionUser {
  if (!session.user) throw new DomainError('unauthenticated', 'Sign in first.');
  return session.user;
}

function checkGrant(actor: SessionUser, role: Role): void {
  if (isAbove(role, actor.role)) {
    const message = `You cannot grant a role above your own (${actor.role}).`;
    throw new DomainError('forbidden', message, { fields: { role: message } });
  }
}

/** A user the session may manage; another tenant's user is "not found", never "forbidden". */
async function managedUser(users: UserStore, session: Session, id: number): Promise<UserRecord> {
  const actor = actorOf(session);
  const scope = actor.role === 'system_admin' ? 'all' : { tenantId: actor.tenantId };
  const user = await users.get(id, scope);
  if (!user) throw new DomainError('not_found', `User ${id} does not exist in your tenant.`);
  if (isAbove(user.role, actor.role)) throw new DomainError('forbidden', `You cannot change a ${user.role}.`);
  return user;
}

const actorPayload = (actor: SessionUser) => ({ id: actor.id, username: actor.username });

export interface CreateUserInput {
  tenantId?: number;
  name: string;
  username: string;
  email: string;
  password: string;
  role: Role;
}

export async function submitCreateUser(services: UserServices, session: Session, input: CreateUserInput): Promise<UserCommandAccepted> {
  const actor = actorOf(session);
  checkGrant(actor, input.role);
  const tenantId = input.role === 'system_admin' ? null : writeTenant(session, input.tenantId);
  const taken = await services.accounts.read(async (tx) => {
    if (tenantId !== null) await tx.tenants.require(tenantId);
    return { username: await tx.users.usernameTaken(input.username), email: await tx.users.emailTaken(input.email) };
  });
  const fields: FieldErrors = {};
  const name = checkPersonName(input.name);
  if (name) fields.name = name;
  const username = checkUsername(input.username) ?? (taken.username ? TAKEN.username : null);
  if (username) fields.username = username;
  const email = checkEmail(input.email) ?? (taken.email ? TAKEN.email : null);
  if (email) fields.email = email;
  const password = checkPassword(input.password, input.username);
  if (password) fields.password = password;
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const passwordHash = await hashPassword(input.password);
  return services.accounts.run((tx) =>
    tx.jobs.enqueue(
      'users.create',
      { tenantId, username: input.username.trim(), role: input.role, actor: actorPayload(actor) },
      { tenantId, uniqueKey: `user-create:${usernameKey(input.username)}`, privateInput: { name: input.name.trim(), email: input.email.trim(), passwordHash } },
    ),
  );
}

export interface UpdateUserInput {
  id: number;
  name?: string;
  email?: string;
  role?: Role;
  password?: string;
}

export async function submitUpdateUser(services: UserServices, session: Session, input: UpdateUserInput): Promise<UserCommandAccepted> {
  const actor = actorOf(session);
  const { user, lastAdmin, emailTaken } = await services.accounts.read(async (tx) => {
    const user = await managedUser(tx.users, session, input.id);
    return {
      user,
      lastAdmin: await isLastAdmin(tx.users, user),
      emailTaken: input.email !== undefined && (await tx.users.emailTaken(input.email, user.id)),
    };
  });
  const fields: FieldErrors = {};
  if (input.role !== undefined) {
    checkGrant(actor, input.role);
    if ((input.role === 'system_admin') !== (user.tenantId === null)) {
      fields.role = user.tenantId === null ? 'A system admin belongs to no tenant; create a tenant user instead.' : 'Tenant users cannot become system admins.';
    } else if (input.role !== user.role && lastAdmin) throw lastAdminError(user, 'role');
  }
  if (input.name !== undefined) {
    const problem = checkPersonName(input.name);
    if (problem) fields.name = problem;
  }
  if (input.email !== undefined) {
    const problem = checkEmail(input.email) ?? (emailTaken ? TAKEN.email : null);
    if (problem) fields.email = problem;
  }
  if (input.password !== undefined) {
    const problem = checkPassword(input.password, user.username);
    if (problem) fields.password = problem;
  }
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const staged = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.email !== undefined ? { email: input.email.trim() } : {}),
    ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
  };
  const stagedFields = Object.keys(staged).map((k) => (k === 'passwordHash' ? 'password' : k)) as StagedField[];
  // Changing your own password or role ends your other sessions, not the one you did it from.
  const keepSessionId = user.id === actor.id ? (services.auth.sessionIdOf(session) ?? undefined) : undefined;
  return services.accounts.run((tx) =>
    tx.jobs.enqueue(
      'users.update',
      { id: user.id, changes: input.role !== undefined ? { role: input.role } : {}, staged: stagedFields, actor: actorPayload(actor), ...(keepSessionId ? { keepSessionId } : {}) },
      { tenantId: user.tenantId, ...(stagedFields.length > 0 ? { privateInput: staged } : {}) },
    ),
  );
}

/** A user the session may manage and whether they are their scope's last enabled admin. */
function managedWithAdmins(services: UserServices, session: Session, id: number): Promise<{ user: UserRecord; lastAdmin: boolean }> {
  return services.accounts.read(async (tx) => {
    const user = await managedUser(tx.users, session, id);
    return { user, lastAdmin: await isLastAdmin(tx.users, user) };
  });
}

export async function submitSetDisabled(services: UserServices, session: Session, id: number, disabled: boolean): Promise<UserCommandAccepted> {
  const actor = actorOf(session);
  if (disabled && id === actor.id) throw new DomainError('forbidden', 'You cannot disable your own account.');
  const { user, lastAdmin } = await managedWithAdmins(services, session, id);
  if (disabled && lastAdmin) throw lastAdminError(user, 'disabled');
  return services.accounts.run((tx) => tx.jobs.enqueue('users.set-disabled', { id, disabled, actor: actorPayload(actor) }, { tenantId: user.tenantId }));
}

export async function submitUnlockUser(services: UserServices, session: Session, id: number): Promise<UserCommandAccepted> {
  const actor = actorOf(session);
  const user = await services.accounts.read((tx) => managedUser(tx.users, session, id));
  return services.accounts.run((tx) => tx.jobs.enqueue('users.unlock', { id: user.id, actor: actorPayload(actor) }, { tenantId: user.tenantId, uniqueKey: `user-unlock:${id}` }));
}

export async function submitDeleteUser(services: UserServices, session: Session, id: number): Promise<UserCommandAccepted> {
  const actor = actorOf(session);
  if (id === actor.id) throw new DomainError('forbidden', 'You cannot delete your own account.');
  const { user, lastAdmin } = await managedWithAdmins(services, session, id);
  if (lastAdmin) throw lastAdminError(user, 'id');
  return services.accounts.run((tx) => tx.jobs.enqueue('users.delete', { id, actor: actorPayload(actor) }, { tenantId: user.tenantId, uniqueKey: `user-delete:${id}` }));
}
