import type { BusinessTx } from '../business/business-tx';
import type { Session, SessionUser } from '../auth/session';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { maskIdentifier } from '../events/mask';
import type { subscriberInvokes } from './contract';
import type { SubscriberRecord } from './subscriber-repository';
import type { SubscriberServices } from './subscriber-services';
import { maskedSubscriber, subscriberSummaries, subscriberSummary } from './subscriber-summary';

const notFound = (id: number) => new DomainError('not_found', `Subscriber ${id} does not exist in your tenant.`);
const actor = (user: SessionUser | null) => (user ? { id: user.id, username: user.username } : null);
/** Viewers read subscribers with contact details masked; the others need them to serve the customer. */
const seesContact = (session: Session) => session.user !== null && session.user.role !== 'viewer';

async function requirePlan(tx: BusinessTx, tenantId: number, planId: number, kind: SubscriberRecord['kind']) {
  const plan = await tx.plans.get(tenantId, planId);
  if (!plan) throw new DomainError('invalid_input', `Plan ${planId} is not one of this tenant’s plans.`, { fields: { planId: 'choose one of this tenant’s plans' } });
  if (plan.kind !== kind) throw new DomainError('invalid_input', `The plan '${plan.name}' is a ${plan.kind} plan; this is a ${kind} subscriber.`, { fields: { planId: `choose a ${kind} plan` } });
  return plan;
}

async function requireRouters(tx: BusinessTx, tenantId: number, routerIds: readonly number[]): Promise<void> {
  const foreign = await tx.tenants.foreignRouters(tenantId, routerIds);
  if (foreign.length > 0) throw new DomainError('invalid_input', `Router ${foreign.join(', ')} is not one of this tenant’s routers.`, { fields: { routerIds: 'choose routers of this tenant' } });
}

async function queueSync(tx: BusinessTx, subscriber: SubscriberRecord, routerIds: readonly number[]): Promise<number[]> {
  const jobIds: number[] = [];
  for (const routerId of routerIds) {
    await tx.provisioning.set(subscriber.tenantId, 'subscriber', subscriber.id, routerId, { state: 'pending', message: null, drift: [] }, Date.now());
    const { jobId } = await tx.jobs.enqueue('subscribers.sync', { subscriberId: subscriber.id, routerId }, { tenantId: subscriber.tenantId });
    jobIds.push(jobId);
  }
  return jobIds;
}

async function queueRemoval(tx: BusinessTx, subscriber: SubscriberRecord, routerIds: readonly number[]): Promise<void> {
  for (const routerId of routerIds) {
    await tx.provisioning.clear('subscriber', subscriber.id, [routerId]);
    await tx.jobs.enqueue('subscribers.remove-account', { subscriberId: subscriber.id, routerId, kind: subscriber.kind }, { tenantId: subscriber.tenantId });
  }
}

const taken = (username: string) =>
  new DomainError('conflict', `The login name '${username}' is taken in this tenant (by a subscriber or a voucher): choose another.`, { fields: { username: 'taken by another subscriber or a voucher' } });

export const subscriberHandlers: DomainHandlers<keyof typeof subscriberInvokes, Pick<SubscriberServices, 'business' | 'bus'>> = {
  'subscribers.list': ({ tenantId, limit, ...filter }, { services, session }) =>
    services.business.read(async (tx) => {
      const { rows, total } = await tx.subscribers.list(readScope(session) ?? tenantId ?? null, { ...filter, limit });
      return { subscribers: await subscriberSummaries(tx, rows), total };
    }),

  'subscribers.get': ({ id }, { services, session }) =>
    services.business.read(async (tx) => {
      const record = await tx.subscribers.get(readScope(session), id);
      if (!record) throw notFound(id);
      const summary = await subscriberSummary(tx, record);
      const history = await tx.subscribers.history(id, 200);
      return { subscriber: seesContact(session) ? { ...summary, name: record.name, username: record.username, phone: record.phone, email: record.email } : summary, history };
    }),

  'subscribers.revealPassword': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const record = await tx.subscribers.get(readScope(session), id);
      if (!record) throw notFound(id);
      const password = await tx.subscribers.password(id);
      await tx.audit.record({ at: Date.now(), tenantId: record.tenantId, actor: actor(session.user), action: 'subscriber.password_revealed', target: { type: 'subscriber', id, label: maskIdentifier(record.username) } });
      return { password };
    }),

  'subscribers.create': ({ tenantId, disabled, validUntil, ...input }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.run(async (tx) => {
      const plan = await requirePlan(tx, tenant, input.planId, input.kind);
      await requireRouters(tx, tenant, input.routerIds);
      if ((await tx.loginNames.reserve(tenant, [input.username], 'subscriber')).length > 0) throw taken(input.username);
      const now = Date.now();
      const until = validUntil !== null ? Date.parse(validUntil) : plan.validitySeconds === null ? null : now + plan.validitySeconds * 1000;
      const record = await tx.subscribers.insert({ ...input, tenantId: tenant, status: disabled ? 'disabled' : 'pending', validUntil: until }, now);
      await tx.subscribers.addHistory(tenant, record.id, 'created', `created on plan '${plan.name}' by ${session.user?.username ?? 'someone'}`, null, now);
      await queueSync(tx, record, record.routerIds);
      await tx.audit.record({ at: now, tenantId: tenant, actor: actor(session.user), action: 'subscriber.created', target: { type: 'subscriber', id: record.id, label: maskIdentifier(record.username) }, details: { kind: record.kind, planId: plan.id } });
      const summary = await subscriberSummary(tx, record);
      tx.afterCommit(() => services.bus.publish('SubscriberCreated', summary, tenant));
      return summary;
    });
  },

  'subscribers.update': ({ id, disabled, validUntil, ...changes }, { services, session }) =>
    services.business.run(async (tx) => {
      const before = await tx.subscribers.get(readScope(session), id);
      if (!before) throw notFound(id);
      if (changes.planId !== undefined) await requirePlan(tx, before.tenantId, changes.planId, before.kind);
      if (changes.routerIds) await requireRouters(tx, before.tenantId, changes.routerIds);
      if (changes.username !== undefined && changes.username.toLowerCase() !== before.username.toLowerCase()) {
        if ((await tx.loginNames.reserve(before.tenantId, [changes.username], 'subscriber')).length > 0) throw taken(changes.username);
        await tx.loginNames.release(before.tenantId, before.username);
      }
      const now = Date.now();
      // A new end in the future brings an expired subscriber back (staff extending by hand).
      const revived = before.status === 'expired' && validUntil != null && Date.parse(validUntil) > now;
      const status = disabled === undefined ? (revived ? 'active' : undefined) : disabled ? 'disabled' : before.status === 'disabled' || revived ? 'active' : before.status;
      const after = await tx.subscribers.update(
        id,
        { ...changes, ...(status ? { status } : {}), ...(validUntil !== undefined ? { validUntil: validUntil === null ? null : Date.parse(validUntil) } : {}) },
        now,
      );
      const changed = Object.keys({ ...changes, ...(disabled !== undefined ? { disabled } : {}), ...(validUntil !== undefined ? { validUntil } : {}) }).filter((k) => k !== 'password' || changes.password !== undefined);
      await tx.subscribers.addHistory(after.tenantId, id, 'changed', `${changed.join(', ') || 'nothing'} changed by ${session.user?.username ?? 'someone'}`, null, now);
      await queueRemoval(tx, before, before.routerIds.filter((r) => !after.routerIds.includes(r)));
      await queueSync(tx, after, after.routerIds);
      await tx.audit.record({ at: now, tenantId: after.tenantId, actor: actor(session.user), action: 'subscriber.updated', target: { type: 'subscriber', id, label: maskIdentifier(after.username) }, details: { changed } });
      const summary = await subscriberSummary(tx, after);
      tx.afterCommit(() => services.bus.publish('SubscriberUpdated', summary, after.tenantId));
      return seesContact(session) ? { ...summary, name: after.name, username: after.username, phone: after.phone, email: after.email } : summary;
    }),

  'subscribers.delete': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const record = await tx.subscribers.get(readScope(session), id);
      if (!record) throw notFound(id);
      await queueRemoval(tx, record, record.routerIds);
      await tx.loginNames.release(record.tenantId, record.username);
      await tx.subscribers.delete(id);
      await tx.audit.record({ at: Date.now(), tenantId: record.tenantId, actor: actor(session.user), action: 'subscriber.deleted', target: { type: 'subscriber', id, label: maskIdentifier(record.username) } });
      tx.afterCommit(() => services.bus.publish('SubscriberDeleted', { id }, record.tenantId));
      return { id };
    }),

  'subscribers.reapply': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const record = await tx.subscribers.get(readScope(session), id);
      if (!record) throw notFound(id);
      const jobIds = await queueSync(tx, record, record.routerIds);
      const summary = maskedSubscriber(record, (await subscriberSummary(tx, record)).routers);
      tx.afterCommit(() => services.bus.publish('SubscriberUpdated', summary, record.tenantId));
      return { jobIds };
    }),
};
