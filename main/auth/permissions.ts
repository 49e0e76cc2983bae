import type { InvokeName } from '../contract';
import type { ContractError } from '../contract/errors';
import type { ParsedChannel } from '../events/channels';
import type { Role, Session } from './session';

/**
 * Who may call an invoke: anyone connected, any signed-in user, or the listed roles.
 * This table decides every invoke; `Record<InvokeName, …>` makes a missing entry a type error.
 */
export type InvokeAccess = 'public' | 'signed-in' | readonly Role[];

export const invokeAccess: Record<InvokeName, InvokeAccess> = {
  'system.status': 'public',
  'system.metrics': ['system_admin'],
  'routers.list': 'signed-in',
  'routers.add': ['system_admin', 'tenant_admin', 'operator'],
  'routers.update': ['system_admin', 'tenant_admin', 'operator'],
  'routers.remove': ['system_admin', 'tenant_admin', 'operator'],
  'routers.test': ['system_admin', 'tenant_admin', 'operator'],
  'sessions.hotspot.disconnect': ['system_admin', 'tenant_admin', 'operator'],
  'sessions.pppoe.disconnect': ['system_admin', 'tenant_admin', 'operator'],
  'sessions.hotspot.list': 'signed-in',
  'sessions.pppoe.list': 'signed-in',
  'dashboard.snapshot': 'signed-in',
  'jobs.queues': 'signed-in',
  'jobs.list': 'signed-in',
  'jobs.failed': 'signed-in',
  'jobs.detail': 'signed-in',
  'jobs.retry': ['system_admin', 'tenant_admin', 'operator'],
  'jobs.discard': ['system_admin', 'tenant_admin', 'operator'],
  'jobs.cancel': ['system_admin', 'tenant_admin', 'operator'],
  'jobs.diagnose': ['system_admin'],
  'auth.signIn': 'public',
  'auth.resume': 'public',
  'auth.signOut': 'public',
  'auth.me': 'public',
  'auth.changePassword': 'signed-in',
  'auth.settings': ['system_admin'],
  'auth.updateSettings': ['system_admin'],
  // The code step of a sign-in: the connection is not signed in yet (its handler needs the password step first).
  'auth.completeSignIn': 'public',
  'auth.twoFactor.status': 'signed-in',
  'auth.twoFactor.begin': 'signed-in',
  'auth.twoFactor.confirm': 'signed-in',
  'auth.twoFactor.disable': 'signed-in',
  'auth.twoFactor.regenerateRecoveryCodes': 'signed-in',
  'auth.tenantPolicy': ['tenant_admin'],
  'auth.updateTenantPolicy': ['tenant_admin'],
  'setup.status': 'public',
  // Refused by its handler once any user exists.
  'setup.createAdmin': 'public',
  'tenants.list': ['system_admin'],
  'tenants.register': ['system_admin'],
  // Refused by its handler unless self-registration is switched on (off by default).
  'tenants.selfRegister': 'public',
  'users.list': ['system_admin', 'tenant_admin'],
  'users.get': ['system_admin', 'tenant_admin'],
  'users.create': ['system_admin', 'tenant_admin'],
  'users.update': ['system_admin', 'tenant_admin'],
  'users.setDisabled': ['system_admin', 'tenant_admin'],
  'users.delete': ['system_admin', 'tenant_admin'],
  'users.unlock': ['system_admin', 'tenant_admin'],
  'audit.list': ['system_admin', 'tenant_admin'],
  'backups.list': ['system_admin'],
  'backups.create': ['system_admin'],
  'backups.updateSettings': ['system_admin'],
  'retention.settings': ['system_admin'],
  'retention.updateSettings': ['system_admin'],
};

/**
 * What a session restricted to two-factor enrolment may call besides public invokes: an admin
 * who must have two-factor sign-in does nothing else until it is set up.
 */
export const enrolmentInvokes: readonly InvokeName[] = ['auth.twoFactor.status', 'auth.twoFactor.begin', 'auth.twoFactor.confirm'];

const ENROL_FIRST: ContractError = {
  code: 'forbidden',
  message: 'Set up two-factor sign-in first: it is required for your account (My Account → Two-factor sign-in).',
  details: { restriction: 'two_factor_enrolment' },
};

export function checkInvoke(session: Session, name: InvokeName): ContractError | null {
  const access = invokeAccess[name];
  if (access === 'public') return null;
  if (!session.user) return { code: 'unauthenticated', message: 'sign in first' };
  if (session.restriction === 'two_factor_enrolment' && !enrolmentInvokes.includes(name)) return ENROL_FIRST;
  if (access === 'signed-in' || access.includes(session.user.role)) return null;
  return { code: 'forbidden', message: `your role (${session.user.role}) may not use ${name}` };
}

/**
 * Tenant topics not every role of the tenant may follow (by topic, or by its first segment:
 * `users` covers `users.x`). Unlisted topics are open to all of the tenant's users.
 */
export const tenantTopicAccess: Record<string, readonly Role[]> = {
  users: ['tenant_admin'],
  audit: ['tenant_admin'],
  security: ['tenant_admin'],
};

/**
 * Channel subscriptions: `app.*` for anyone connected, `system.*` for system admins,
 * `tenant.{id}.*` for that tenant's users (restricted topics: `tenantTopicAccess`) and for
 * system admins.
 */
export function canSubscribe(session: Session, channel: ParsedChannel): boolean {
  if (channel.scope === 'app') return true;
  const user = session.user;
  if (!user || session.restriction) return false;
  if (user.role === 'system_admin') return true;
  if (channel.scope !== 'tenant' || user.tenantId !== channel.tenantId) return false;
  const roles = tenantTopicAccess[channel.topic] ?? tenantTopicAccess[channel.topic.split('.')[0]!];
  return roles === undefined || roles.includes(user.role);
}
