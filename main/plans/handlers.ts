import type { BusinessTx } from '../business/business-tx';
import type { SessionUser } from '../auth/session';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { planCreateInput, type PlanSummary, type planInvokes } from './contract';
import type { PlanRecord } from './plan-repository';
import { planChangesFromRouter } from './plan-profile';
import type { PlanServices } from './plan-services';
import { planSummaries, planSummary } from './plan-summary';

const notFound = (id: number) => new DomainError('not_found', `Plan ${id} does not exist in your tenant.`);

async function requireRouters(tx: BusinessTx, tenantId: number, routerIds: readonly number[]): Promise<void> {
  const foreign = await tx.tenants.foreignRouters(tenantId, routerIds);
  if (foreign.length > 0) throw new DomainError('invalid_input', `Router ${foreign.join(', ')} is not one of this tenant’s routers.`, { fields: { routerIds: 'choose routers of this tenant' } });
}

/** Queues the plan's profile onto routers (in the caller's transaction) and marks them pending there. */
async function queueSync(tx: BusinessTx, plan: PlanRecord, routerIds: readonly number[], previousName?: string): Promise<number[]> {
  const jobIds: number[] = [];
  for (const routerId of routerIds) {
    await tx.provisioning.set(plan.tenantId, 'plan', plan.id, routerId, { state: 'pending', message: null, drift: [] }, Date.now());
    const { jobId } = await tx.jobs.enqueue('plans.sync', { planId: plan.id, routerId, check: false, ...(previousName ? { previousName } : {}) }, { tenantId: plan.tenantId });
    jobIds.push(jobId);
  }
  return jobIds;
}

async function queueRemoval(tx: BusinessTx, plan: Pick<PlanRecord, 'id' | 'tenantId' | 'kind' | 'name'>, routerIds: readonly number[]): Promise<void> {
  for (const routerId of routerIds) {
    await tx.provisioning.set(plan.tenantId, 'plan', plan.id, routerId, { state: 'removing', message: null, drift: [] }, Date.now());
    await tx.jobs.enqueue('plans.remove-profile', { planId: plan.id, routerId, tenantId: plan.tenantId, kind: plan.kind, name: plan.name }, { tenantId: plan.tenantId });
  }
}

const actor = (user: SessionUser | null) => (user ? { id: user.id, username: user.username } : null);

/** Changed plan fields for the audit log (prices and limits are not personal data). */
function changedFields(before: PlanRecord, after: PlanRecord): string[] {
  return (Object.keys(after) as Array<keyof PlanRecord>).filter((k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export const planHandlers: DomainHandlers<keyof typeof planInvokes, Pick<PlanServices, 'business' | 'bus'>> = {
  'plans.list': ({ tenantId }, { services, session }) =>
    services.business.read(async (tx) => ({ plans: await planSummaries(tx, await tx.plans.list(readScope(session) ?? tenantId ?? null)) })),

  'plans.create': ({ tenantId, ...input }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.run(async (tx) => {
      const { currency } = await tx.tenants.settings(tenant);
      await requireRouters(tx, tenant, input.routerIds);
      const plan = await tx.plans.insert({ ...input, tenantId: tenant, currency }, Date.now());
      await queueSync(tx, plan, plan.routerIds);
      await tx.audit.record({ at: Date.now(), tenantId: tenant, actor: actor(session.user), action: 'plan.created', target: { type: 'plan', id: plan.id, label: plan.name }, details: { kind: plan.kind, priceMinor: plan.priceMinor, currency } });
      const summary = await planSummary(tx, plan);
      tx.afterCommit(() => services.bus.publish('PlanCreated', summary, tenant));
      return summary;
    });
  },

  'plans.update': ({ id, ...changes }, { services, session }) =>
    services.business.run(async (tx) => {
      const before = await tx.plans.get(readScope(session), id);
      if (!before) throw notFound(id);
      // The whole plan must still be valid (e.g. expiry "move" needs its profile).
      const merged = planCreateInput.safeParse({ ...pick(before), ...changes });
      if (!merged.success) throw new DomainError('invalid_input', merged.error.issues[0]?.message ?? 'invalid plan', { fields: Object.fromEntries(merged.error.issues.map((i) => [String(i.path[0]), i.message])) });
      if (changes.routerIds) await requireRouters(tx, before.tenantId, changes.routerIds);
      const after = await tx.plans.update(id, changes, Date.now());
      const left = before.routerIds.filter((r) => !after.routerIds.includes(r));
      await queueRemoval(tx, before, left);
      const changed = changedFields(before, after);
      if (changed.some((field) => field !== 'routerIds' && field !== 'priceMinor' && field !== 'validitySeconds' && field !== 'expiry' && field !== 'expiredProfile' && field !== 'autoRenew')) {
        await queueSync(tx, after, after.routerIds, before.name !== after.name ? before.name : undefined);
      } else {
        await queueSync(tx, after, after.routerIds.filter((r) => !before.routerIds.includes(r)));
      }
      await tx.audit.record({ at: Date.now(), tenantId: after.tenantId, actor: actor(session.user), action: 'plan.updated', target: { type: 'plan', id, label: after.name }, details: { changed } });
      const summary = await planSummary(tx, after);
      tx.afterCommit(() => services.bus.publish('PlanUpdated', summary, after.tenantId));
      return summary;
    }),

  'plans.delete': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const plan = await tx.plans.get(readScope(session), id);
      if (!plan) throw notFound(id);
      const usage = await tx.plans.usage(id);
      if (usage.subscribers > 0 || usage.vouchers > 0) {
        throw new DomainError('conflict', `The plan '${plan.name}' is in use by ${usage.subscribers} subscriber(s) and ${usage.vouchers} voucher(s) not yet used up: move them to another plan first.`, usage);
      }
      await tx.plans.delete(id);
      await tx.provisioning.clear('plan', id);
      await queueRemoval(tx, plan, plan.routerIds);
      await tx.audit.record({ at: Date.now(), tenantId: plan.tenantId, actor: actor(session.user), action: 'plan.deleted', target: { type: 'plan', id, label: plan.name } });
      tx.afterCommit(() => services.bus.publish('PlanDeleted', { id }, plan.tenantId));
      return { id };
    }),

  'plans.reapply': ({ id, routerId }, { services, session }) =>
    services.business.run(async (tx) => {
      const plan = await tx.plans.get(readScope(session), id);
      if (!plan) throw notFound(id);
      if (routerId !== undefined && !plan.routerIds.includes(routerId)) throw new DomainError('invalid_input', `The plan '${plan.name}' does not live on router ${routerId}.`);
      const jobIds = await queueSync(tx, plan, routerId === undefined ? plan.routerIds : [routerId]);
      await tx.audit.record({ at: Date.now(), tenantId: plan.tenantId, actor: actor(session.user), action: 'plan.reapplied', target: { type: 'plan', id, label: plan.name }, details: { routerId: routerId ?? null } });
      const summary = await planSummary(tx, plan);
      tx.afterCommit(() => services.bus.publish('PlanUpdated', summary, plan.tenantId));
      return { jobIds };
    }),

  'plans.adopt': ({ id, routerId }, { services, session }) =>
    services.business.run(async (tx) => {
      const plan = await tx.plans.get(readScope(session), id);
      if (!plan) throw notFound(id);
      const state = (await tx.provisioning.statesOf('plan', [id])).get(id)?.find((s) => s.routerId === routerId);
      if (!state || state.state !== 'drift' || state.drift.length === 0) throw new DomainError('conflict', `The plan '${plan.name}' has not drifted on router ${routerId}: nothing to adopt (check for drift first).`);
      if (state.drift.some((d) => d.field === 'name')) throw new DomainError('conflict', `The profile '${plan.name}' is missing on that router: re-apply the plan instead.`);
      const changes = planChangesFromRouter(plan.kind, state.drift);
      const valid = planCreateInput.safeParse({ ...pick(plan), ...changes });
      if (!valid.success) throw new DomainError('invalid_input', `The router’s profile cannot be a plan: ${valid.error.issues[0]?.message ?? 'invalid value'}.`);
      const after = await tx.plans.update(id, changes, Date.now());
      await tx.provisioning.set(plan.tenantId, 'plan', id, routerId, { state: 'applied', message: null, drift: [] }, Date.now());
      await queueSync(tx, after, after.routerIds.filter((r) => r !== routerId));
      await tx.audit.record({ at: Date.now(), tenantId: plan.tenantId, actor: actor(session.user), action: 'plan.adopted', target: { type: 'plan', id, label: plan.name }, details: { routerId, fields: state.drift.map((d) => d.field) } });
      const summary = await planSummary(tx, after);
      tx.afterCommit(() => services.bus.publish('PlanUpdated', summary, plan.tenantId));
      return summary;
    }),

  'plans.checkDrift': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const plan = await tx.plans.get(readScope(session), id);
      if (!plan) throw notFound(id);
      const jobIds: number[] = [];
      for (const routerId of plan.routerIds) {
        const { jobId } = await tx.jobs.enqueue('plans.sync', { planId: id, routerId, check: true }, { tenantId: plan.tenantId });
        jobIds.push(jobId);
      }
      return { jobIds };
    }),
};

/** The plan's own fields, as the create schema takes them (to validate a change against the whole). */
function pick(plan: PlanRecord | PlanSummary) {
  const { kind, name, priceMinor, validitySeconds, uptimeLimitSeconds, dataLimitBytes, rateLimit, sharedUsers, addressPool, localAddress, expiry, expiredProfile, autoRenew, routerIds } = plan;
  return { kind, name, priceMinor, validitySeconds, uptimeLimitSeconds, dataLimitBytes, rateLimit, sharedUsers, addressPool, localAddress, expiry, expiredProfile, autoRenew, routerIds };
}
