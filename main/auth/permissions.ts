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
  'routers.list': 'signed-in',
  'routers.add': ['system_admin', 'tenant_admin', 'operator'],
  'routers.update': ['system_admin', 'tenant_admin', 'operator'],
  'routers.remove': ['system_admin', 'tenant_admin', 'operator'],
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
};

export function checkInvoke(session: Session, name: InvokeName): ContractError | null {
  const access = invokeAccess[name];
  if (access === 'public') return null;
  if (!session.user) return { code: 'unauthenticated', message: 'sign in first' };
  if (access === 'signed-in' || access.includes(session.user.role)) return null;
  return { code: 'forbidden', message: `your role (${session.user.role}) may not use ${name}` };
}

/**
 * Channel subscriptions: `app.*` for anyone connected, `system.*` for system admins,
 * `tenant.{id}.*` for that tenant's users and for system admins.
 */
export function canSubscribe(session: Session, channel: ParsedChannel): boolean {
  if (channel.scope === 'app') return true;
  const user = session.user;
  if (!user) return false;
  if (user.role === 'system_admin') return true;
  return channel.scope === 'tenant' && user.tenantId === channel.tenantId;
}
