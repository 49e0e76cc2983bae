import type { InvokeName } from '../contract';
import type { ContractError } from '../contract/errors';
import type { ParsedChannel } from '../events/channels';
import type { JobAccess, JobAction, JobKind } from '../jobs/contract';
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
  'routers.testDraft': ['system_admin', 'tenant_admin', 'operator'],
  // Trusting a new router certificate is an admin's call: an operator could be the one who redirected it.
  'routers.acceptCertificate': ['system_admin', 'tenant_admin'],
  'sessions.hotspot.disconnect': ['system_admin', 'tenant_admin', 'operator'],
  'sessions.pppoe.disconnect': ['system_admin', 'tenant_admin', 'operator'],
  'sessions.hotspot.list': 'signed-in',
  'sessions.pppoe.list': 'signed-in',
  'dashboard.snapshot': 'signed-in',
  'dashboard.history': 'signed-in',
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
  // Every user of a tenant reads its time zone, locale and currency: the renderer formats with them.
  'tenants.settings': 'signed-in',
  'tenants.updateSettings': ['system_admin', 'tenant_admin'],
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
  // Plans set prices and what routers hand out: the tenant's admins decide them; everyone reads them.
  'plans.list': 'signed-in',
  'plans.create': ['system_admin', 'tenant_admin'],
  'plans.update': ['system_admin', 'tenant_admin'],
  'plans.delete': ['system_admin', 'tenant_admin'],
  'plans.reapply': ['system_admin', 'tenant_admin'],
  'plans.adopt': ['system_admin', 'tenant_admin'],
  'plans.checkDrift': ['system_admin', 'tenant_admin', 'operator'],
  // Templates are the tenant's standard (admins); field technicians plan and apply them.
  'provisioning.templates': 'signed-in',
  'provisioning.createTemplate': ['system_admin', 'tenant_admin'],
  'provisioning.updateTemplate': ['system_admin', 'tenant_admin'],
  'provisioning.deleteTemplate': ['system_admin', 'tenant_admin'],
  'provisioning.plan': ['system_admin', 'tenant_admin', 'operator'],
  'provisioning.apply': ['system_admin', 'tenant_admin', 'operator'],
  'provisioning.runs': 'signed-in',
  // Operators sign customers up and sell vouchers; viewers read, with contact details masked.
  'subscribers.list': 'signed-in',
  'subscribers.get': 'signed-in',
  'subscribers.revealPassword': ['system_admin', 'tenant_admin', 'operator'],
  'subscribers.create': ['system_admin', 'tenant_admin', 'operator'],
  'subscribers.update': ['system_admin', 'tenant_admin', 'operator'],
  'subscribers.delete': ['system_admin', 'tenant_admin', 'operator'],
  'subscribers.reapply': ['system_admin', 'tenant_admin', 'operator'],
  'vouchers.batches': 'signed-in',
  'vouchers.list': 'signed-in',
  'vouchers.generate': ['system_admin', 'tenant_admin', 'operator'],
  'vouchers.export': ['system_admin', 'tenant_admin', 'operator'],
  'vouchers.repush': ['system_admin', 'tenant_admin', 'operator'],
  'vouchers.renderSheet': ['system_admin', 'tenant_admin', 'operator'],
  'vouchers.downloadSheet': ['system_admin', 'tenant_admin', 'operator'],
  // An import creates plans (an admin's decision) from what a router holds.
  'routers.importPreview': ['system_admin', 'tenant_admin'],
  'routers.import': ['system_admin', 'tenant_admin'],
  // Everyone reads payments (payers masked for viewers); operators take cash and import statements;
  // reversals and the webhook secret are the admins' (money leaves, or anyone could post payments).
  'subscriptions.settings': 'signed-in',
  'subscriptions.updateSettings': ['system_admin', 'tenant_admin'],
  'subscriptions.reconnect': ['system_admin', 'tenant_admin', 'operator'],
  'payments.list': 'signed-in',
  'payments.unmatched': 'signed-in',
  'payments.ledger': 'signed-in',
  'payments.record': ['system_admin', 'tenant_admin', 'operator'],
  'payments.assign': ['system_admin', 'tenant_admin', 'operator'],
  'payments.importCsv': ['system_admin', 'tenant_admin', 'operator'],
  'payments.reverse': ['system_admin', 'tenant_admin'],
  'payments.webhookSettings': ['system_admin', 'tenant_admin'],
  'payments.rotateWebhookSecret': ['system_admin', 'tenant_admin'],
  // Reports are totals (no payer data): everyone who reads payments reads them; viewers see staff logins masked.
  'reports.revenue': 'signed-in',
  'reports.activity': 'signed-in',
  'reports.pdf': 'signed-in',
  // Event webhooks send the tenant's data out, and their URLs may hold the receiver's token: admins only, reads too.
  'webhooks.list': ['system_admin', 'tenant_admin'],
  'webhooks.deliveries': ['system_admin', 'tenant_admin'],
  'webhooks.create': ['system_admin', 'tenant_admin'],
  'webhooks.update': ['system_admin', 'tenant_admin'],
  'webhooks.delete': ['system_admin', 'tenant_admin'],
  'webhooks.rotateSecret': ['system_admin', 'tenant_admin'],
  'webhooks.resume': ['system_admin', 'tenant_admin'],
  'webhooks.test': ['system_admin', 'tenant_admin'],
  // A correction moves money without a receipt: the admins', like reversals.
  'payments.adjust': ['system_admin', 'tenant_admin'],
  // Every user has a notification centre (own read state) and reads the rules; channels, tests and the delivery log are the admins'.
  'notifications.list': 'signed-in',
  'notifications.markRead': 'signed-in',
  'notifications.settings': 'signed-in',
  'notifications.updateSettings': ['system_admin', 'tenant_admin'],
  'notifications.test': ['system_admin', 'tenant_admin'],
  'notifications.deliveries': ['system_admin', 'tenant_admin'],
  // Field technicians find new routers on the LAN they stand in; viewers add none, so they need not listen.
  'discovery.watch': ['system_admin', 'tenant_admin', 'operator'],
  'discovery.unwatch': ['system_admin', 'tenant_admin', 'operator'],
  'discovery.probe': ['system_admin', 'tenant_admin', 'operator'],
  // A router's page: every role of its tenant reads it (the streams are the router's, not a change to it).
  'routers.watch': 'signed-in',
  'routers.unwatch': 'signed-in',
  'routers.interfaces.history': 'signed-in',
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
  // Import previews list the router's accounts.
  imports: ['tenant_admin'],
  // Webhook URLs (a receiver's token) and receivers' answers.
  webhooks: ['tenant_admin'],
  // The delivery log names customers' messages (recipients masked): like the settings, the admins'.
  'notifications.deliveries': ['tenant_admin'],
  // Neighbours on the console machine's LAN: for those who may add routers.
  discovery: ['tenant_admin', 'operator'],
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

// ── jobs ──────────────────────────────────────────────────────────────────────────────────

/**
 * The kind of each queue's jobs (resources/queues.json): user and tenant management are admin
 * work, the sign-in audit is security, the rest is operations. A queue missing here counts as
 * admin (the stricter), and a test asks for every queue of the table to be listed on purpose.
 */
export const jobQueueKinds: Record<string, JobKind> = {
  'tenant-management': 'admin',
  'user-management': 'admin',
  'auth-tracking': 'security',
  broadcasts: 'operations',
  payments: 'operations',
  'hotspot-provisioning': 'operations',
  'router-provisioning': 'operations',
  'subscription-reconnection': 'operations',
  'router-data': 'operations',
  dashboard: 'operations',
  'router-monitoring': 'operations',
  notifications: 'operations',
  'log-rotation': 'operations',
  default: 'operations',
};

export const jobKindOf = (queue: string): JobKind => jobQueueKinds[queue] ?? 'admin';

const ALL_ROLES: readonly Role[] = ['system_admin', 'tenant_admin', 'operator', 'viewer'];
const ADMINS: readonly Role[] = ['system_admin', 'tenant_admin'];
const OPERATORS: readonly Role[] = ['system_admin', 'tenant_admin', 'operator'];

/**
 * Who may read a job's payload (and result and log) and retry, cancel or discard it, by job kind.
 * Every signed-in user sees that the jobs of their scope ran (tenant users their tenant's,
 * system admins all). The sign-in audit is written by auth-tracking jobs, so only system admins
 * may cancel or discard those.
 */
export const jobAccess: Record<JobKind, Record<JobAction, readonly Role[]>> = {
  operations: { payload: ALL_ROLES, retry: OPERATORS, cancel: OPERATORS, discard: OPERATORS },
  admin: { payload: ADMINS, retry: ADMINS, cancel: ADMINS, discard: ADMINS },
  security: { payload: ADMINS, retry: ADMINS, cancel: ['system_admin'], discard: ['system_admin'] },
};

export const mayOnJob = (role: Role, kind: JobKind, action: JobAction): boolean => jobAccess[kind][action].includes(role);

/** The refusal of an action on a job of this queue, or null when the session's role allows it. */
export function checkJobAction(session: Session, queue: string, action: JobAction): ContractError | null {
  if (!session.user) return { code: 'unauthenticated', message: 'sign in first' };
  const kind = jobKindOf(queue);
  if (mayOnJob(session.user.role, kind, action)) return null;
  const allowed = jobAccess[kind][action];
  const who = allowed.includes('operator') ? 'an operator or admin' : allowed.includes('tenant_admin') ? 'an admin of your tenant' : 'a system admin';
  const what = action === 'payload' ? 'read the payload of' : action;
  return { code: 'forbidden', message: `Your role (${session.user.role}) may not ${what} ${queue} jobs; ask ${who}.` };
}

/** The whole table for one role, for the Jobs view to show only the actions it may take. */
export function jobAccessOf(role: Role): JobAccess {
  const kinds = Object.keys(jobAccess) as JobKind[];
  return Object.fromEntries(kinds.map((kind) => [kind, (Object.keys(jobAccess[kind]) as JobAction[]).filter((a) => mayOnJob(role, kind, a))])) as JobAccess;
}

/**
 * Job events go to everyone who may follow `tenant.{id}.jobs` alike, so they carry a job's payload
 * (summary, result) only when every such role may read it; `system.jobs` is for system admins.
 */
export function tenantJobEventsShowPayload(kind: JobKind): boolean {
  const followers = (tenantTopicAccess['jobs'] ?? ALL_ROLES).filter((r) => r !== 'system_admin');
  return followers.every((role) => mayOnJob(role, kind, 'payload'));
}
