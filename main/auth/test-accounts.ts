import type { Role, Session } from './session';
import type { AccountsStore } from '../accounts/accounts-tx';
import type { UserRecord } from '../users/user-repository';
import type { TenantRecord } from '../tenants/tenant-repository';
import type { AuthService } from './auth-service';
import type { SignInResult } from './contract';
import type { SecondStepRequired } from './two-factor-contract';
import { hashPassword } from './password';

/**
 * Accounts for tests, written straight to the store (no job round trip) with a cheap scrypt cost
 * so suites that need many users stay fast. Sign-in still verifies them for real.
 */
export const TEST_PASSWORD = 'correct-horse-42';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

export function seedTenant(services: { accounts: AccountsStore }, name: string): Promise<TenantRecord> {
  return services.accounts.run((tx) => tx.tenants.insert(name, null, Date.now()));
}

export async function seedUser(
  services: { accounts: AccountsStore },
  fields: { username: string; role: Role; tenantId: number | null; name?: string; email?: string; password?: string },
): Promise<UserRecord> {
  const passwordHash = await hashPassword(fields.password ?? TEST_PASSWORD, CHEAP);
  const user = {
    tenantId: fields.tenantId,
    role: fields.role,
    username: fields.username,
    name: fields.name ?? `Test ${fields.username}`,
    email: fields.email ?? `${fields.username}@example.com`,
    passwordHash,
  };
  return services.accounts.run((tx) => tx.users.insert(user, Date.now()));
}

/** A session (as a connection holds one) signed in as the user, without a password round trip. */
export async function sessionOf(services: { auth: Pick<AuthService, 'startSession'> }, user: UserRecord): Promise<Session & { signIn: SignInResult }> {
  const session: Session = { id: `test-${user.username}`, user: null };
  const signIn = await services.auth.startSession(session, user);
  return Object.assign(session, { signIn });
}

/** The session of a sign-in that needed no code step (fails the test otherwise). */
export function signedIn(result: SignInResult | SecondStepRequired): SignInResult {
  if ('secondStep' in result) throw new Error('expected a signed-in session, got the two-factor code step');
  return result;
}
