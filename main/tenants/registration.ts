import { DomainError } from '../contract/errors';
import type { SessionUser } from '../auth/session';
import { hashPassword } from '../auth/password';
import { TAKEN, checkConfirmation, checkEmail, checkPassword, checkPersonName, checkUsername, type FieldErrors } from '../users/account-rules';
import type { RegistrationAccepted, RegistrationInput } from './contract';
import { tenantNameKey } from './tenant-repository';
import type { TenantServices } from './tenant-services';

export interface RegistrationLookups {
  tenantNameTaken(name: string): boolean;
  usernameTaken(username: string): boolean;
  emailTaken(email: string): boolean;
}

export function checkTenantName(name: string): string | null {
  const value = name.trim();
  if (value === '') return 'Enter the company name.';
  if (value.length < 2 || value.length > 100) return 'A company name has 2 to 100 characters.';
  return null;
}

export const TENANT_TAKEN = 'A tenant with this name is already registered.';

/** Every field checked on its own; the result maps each wrong field to its message. */
export function validateRegistration(input: RegistrationInput, lookups: RegistrationLookups): FieldErrors {
  const fields: FieldErrors = {};
  const set = (field: keyof RegistrationInput, message: string | null) => {
    if (message) fields[field] = message;
  };
  set('tenant_name', checkTenantName(input.tenant_name) ?? (lookups.tenantNameTaken(input.tenant_name) ? TENANT_TAKEN : null));
  set('admin_name', checkPersonName(input.admin_name));
  set('admin_username', checkUsername(input.admin_username) ?? (lookups.usernameTaken(input.admin_username) ? TAKEN.username : null));
  set('admin_email', checkEmail(input.admin_email) ?? (lookups.emailTaken(input.admin_email) ? TAKEN.email : null));
  set('admin_password', checkPassword(input.admin_password, input.admin_username));
  set('admin_password_confirmation', checkConfirmation(input.admin_password, input.admin_password_confirmation));
  if (!input.accept_terms) fields.accept_terms = 'Accept the terms of service to register.';
  return fields;
}

/**
 * Validates a registration and queues the `tenant-management` job that creates the tenant and its
 * admin. The unique key on the normalized tenant name makes a double submission one job; the job
 * itself is idempotent too (tenant-jobs.ts), so a retry or rerun never makes a second tenant. The
 * admin's name, email and password hash are the job's private input, never in its payload.
 */
export async function submitRegistration(services: TenantServices, input: RegistrationInput, actor: SessionUser | null): Promise<RegistrationAccepted> {
  const taken = await services.accounts.read(async (tx) => ({
    tenantName: (await tx.tenants.findByName(input.tenant_name)) !== null,
    username: await tx.users.usernameTaken(input.admin_username),
    email: await tx.users.emailTaken(input.admin_email),
  }));
  const fields = validateRegistration(input, {
    tenantNameTaken: () => taken.tenantName,
    usernameTaken: () => taken.username,
    emailTaken: () => taken.email,
  });
  if (Object.keys(fields).length > 0) {
    throw new DomainError('invalid_input', `Check the highlighted fields: ${Object.values(fields).join(' ')}`, { fields });
  }
  const passwordHash = await hashPassword(input.admin_password);
  return services.accounts.run((tx) =>
    tx.jobs.enqueue(
      'tenants.register',
      {
        tenantName: input.tenant_name.trim().replace(/\s+/g, ' '),
        admin: { username: input.admin_username.trim() },
        requestedBy: actor ? { id: actor.id, username: actor.username } : null,
      },
      {
        uniqueKey: `tenant-registration:${tenantNameKey(input.tenant_name)}`,
        privateInput: { name: input.admin_name.trim(), email: input.admin_email.trim(), passwordHash },
      },
    ),
  );
}
