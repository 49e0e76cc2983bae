import { DomainError } from '../contract/errors';
import type { AccountsStore } from '../accounts/accounts-tx';
import type { Logger } from '../core/logger';
import type { EventBus } from '../events/event-bus';
import { TAKEN, checkConfirmation, checkEmail, checkPassword, checkPersonName, checkUsername, type FieldErrors } from '../users/account-rules';
import type { UserRecord } from '../users/user-repository';
import { userSummary } from '../users/user-views';
import { hashPassword } from './password';

export interface FirstAdminFields {
  name: string;
  username: string;
  email: string;
  password: string;
  password_confirmation: string;
}

/** What the first run uses of the console (the core's services include it). */
export interface FirstRunServices {
  accounts: AccountsStore;
  bus: Pick<EventBus, 'publish'>;
  log: Logger;
}

/**
 * Creates the first system admin, only while the console has no user at all (the check and the
 * insert share one transaction, so two setup screens cannot both win). Never a default password.
 */
export async function createFirstAdmin(services: FirstRunServices, input: FirstAdminFields, via: 'setup' | 'environment'): Promise<UserRecord> {
  const { accounts, bus } = services;
  const seen = await accounts.read(async (tx) => ({ users: await tx.users.count(), usernameTaken: await tx.users.usernameTaken(input.username) }));
  if (seen.users > 0) throw new DomainError('conflict', 'The console is already set up. Sign in instead.');
  const fields: FieldErrors = {};
  const set = (field: keyof FirstAdminFields, message: string | null) => {
    if (message) fields[field] = message;
  };
  set('name', checkPersonName(input.name));
  set('username', checkUsername(input.username) ?? (seen.usernameTaken ? TAKEN.username : null));
  set('email', checkEmail(input.email));
  set('password', checkPassword(input.password, input.username));
  set('password_confirmation', checkConfirmation(input.password, input.password_confirmation));
  if (Object.keys(fields).length > 0) {
    throw new DomainError('invalid_input', `Check the highlighted fields: ${Object.values(fields).join(' ')}`, { fields });
  }
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  const created = await accounts.run(async (tx) => {
    if ((await tx.users.count()) > 0) return null;
    const user = await tx.users.insert({ tenantId: null, role: 'system_admin', name: input.name, username: input.username, email: input.email, passwordHash }, now);
    await tx.audit.record({ at: now, tenantId: null, actor: null, action: 'setup.admin_created', target: { type: 'user', id: user.id, label: user.username }, details: { via } });
    tx.afterCommit(() => bus.publish('UserCreated', userSummary(user)));
    return user;
  });
  if (!created) throw new DomainError('conflict', 'The console is already set up. Sign in instead.');
  return created;
}

/**
 * Headless first run: with no user yet, NOC_ADMIN_USERNAME and NOC_ADMIN_PASSWORD create the
 * system admin (NOC_ADMIN_EMAIL and NOC_ADMIN_NAME optional). Without them the setup screen does it.
 * A password that breaks the policy stops the start with the reason.
 */
export async function bootstrapAdminFromEnv(services: FirstRunServices, env: NodeJS.ProcessEnv): Promise<UserRecord | null> {
  const username = env.NOC_ADMIN_USERNAME?.trim();
  const password = env.NOC_ADMIN_PASSWORD;
  if (!username || !password || (await services.accounts.read((tx) => tx.users.count())) > 0) return null;
  try {
    const user = await createFirstAdmin(
      services,
      {
        name: env.NOC_ADMIN_NAME?.trim() || 'System administrator',
        username,
        email: env.NOC_ADMIN_EMAIL?.trim() || `${username.toLowerCase()}@noc-console.local`,
        password,
        password_confirmation: password,
      },
      'environment',
    );
    services.log.info('first system admin created from NOC_ADMIN_USERNAME', { username: user.username });
    return user;
  } catch (error) {
    const fields = error instanceof DomainError ? (error.details as { fields?: Record<string, string> } | undefined)?.fields : undefined;
    const reasons = fields ? Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ') : String(error);
    throw new Error(`NOC_ADMIN_USERNAME / NOC_ADMIN_PASSWORD could not create the first admin (${reasons}); fix them and start again`);
  }
}
