import type { BusinessTx } from '../business/business-tx';
import type { SessionUser } from '../auth/session';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { ProvisioningRun, ProvisioningTemplate, provisioningInvokes } from './contract';
import { dispatchBatch } from './provisioning-run';
import type { ProvisioningServices } from './provisioning-services';
import type { TemplateSpec } from './template-contract';

const notFound = (id: number) => new DomainError('not_found', `Template ${id} does not exist in your tenant.`);
const actor = (user: SessionUser | null) => (user ? { id: user.id, username: user.username } : null);

async function requireTemplate(tx: BusinessTx, scope: number | null, id: number): Promise<ProvisioningTemplate> {
  const template = await tx.provisioningTemplates.get(scope, id);
  if (!template) throw notFound(id);
  return template;
}

/** The template's plans must be the tenant's own. */
async function checkPlans(tx: BusinessTx, tenantId: number, spec: TemplateSpec): Promise<void> {
  for (const planId of spec.planIds) {
    if (!(await tx.plans.get(tenantId, planId))) throw new DomainError('invalid_input', `Plan ${planId} is not one of this tenant’s plans.`, { fields: { planIds: 'choose plans of this tenant' } });
  }
}

/** Routers the runs go to: each the template's tenant's, with its name for the history. */
async function targetRouters(tx: BusinessTx, tenantId: number, routerIds: readonly number[]): Promise<Array<{ id: number; name: string }>> {
  const foreign = await tx.tenants.foreignRouters(tenantId, routerIds);
  if (foreign.length > 0) throw new DomainError('invalid_input', `Router ${foreign.join(', ')} is not one of this tenant’s routers.`, { fields: { routerIds: 'choose routers of this tenant' } });
  return Promise.all(routerIds.map(async (id) => ({ id, name: (await tx.tenants.routerName(id)) ?? `#${id}` })));
}

export const provisioningHandlers: DomainHandlers<keyof typeof provisioningInvokes, Pick<ProvisioningServices, 'business' | 'bus'>> = {
  'provisioning.templates': ({ tenantId }, { services, session }) =>
    services.business.read(async (tx) => ({ templates: await tx.provisioningTemplates.list(readScope(session) ?? tenantId ?? null) })),

  'provisioning.createTemplate': ({ template: spec, tenantId }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    return services.business.run(async (tx) => {
      await checkPlans(tx, tenant, spec);
      const template = await tx.provisioningTemplates.insert(tenant, spec, Date.now());
      await tx.audit.record({ at: Date.now(), tenantId: tenant, actor: actor(session.user), action: 'provisioning.template_created', target: { type: 'provisioning_template', id: template.id, label: template.name } });
      tx.afterCommit(() => services.bus.publish('ProvisioningTemplateChanged', template, tenant));
      return template;
    });
  },

  'provisioning.updateTemplate': ({ id, template: spec }, { services, session }) =>
    services.business.run(async (tx) => {
      const before = await requireTemplate(tx, readScope(session), id);
      await checkPlans(tx, before.tenantId, spec);
      const template = await tx.provisioningTemplates.update(id, spec, Date.now());
      await tx.audit.record({ at: Date.now(), tenantId: before.tenantId, actor: actor(session.user), action: 'provisioning.template_updated', target: { type: 'provisioning_template', id, label: template.name } });
      tx.afterCommit(() => services.bus.publish('ProvisioningTemplateChanged', template, before.tenantId));
      return template;
    }),

  'provisioning.deleteTemplate': ({ id }, { services, session }) =>
    services.business.run(async (tx) => {
      const template = await requireTemplate(tx, readScope(session), id);
      await tx.provisioningTemplates.delete(id);
      await tx.audit.record({ at: Date.now(), tenantId: template.tenantId, actor: actor(session.user), action: 'provisioning.template_deleted', target: { type: 'provisioning_template', id, label: template.name } });
      tx.afterCommit(() => services.bus.publish('ProvisioningTemplateDeleted', { id }, template.tenantId));
      return { id };
    }),

  'provisioning.plan': ({ templateId, routerId }, { services, session }) =>
    services.business.run(async (tx) => {
      const template = await requireTemplate(tx, readScope(session), templateId);
      const [router] = await targetRouters(tx, template.tenantId, [routerId]);
      const { id: _id, tenantId, createdAt: _c, updatedAt: _u, ...spec } = template;
      const run = await tx.provisioningRuns.insert(
        { tenantId, routerId, routerName: router!.name, templateId, templateName: template.name, spec, mode: 'plan', state: 'queued', batchOf: null, concurrency: 1, requestedBy: session.user?.username ?? null },
        Date.now(),
      );
      await tx.provisioningRuns.dispatch(run.id);
      const { jobId } = await tx.jobs.enqueue('provisioning.run', { runId: run.id }, { tenantId, uniqueKey: `provisioning.run:${run.id}` });
      tx.afterCommit(() => services.bus.publish('RouterProvisioningPlanned', run, tenantId));
      return { runId: run.id, jobId };
    }),

  'provisioning.apply': ({ templateId, routerIds, concurrency }, { services, session }) =>
    services.business.run(async (tx) => {
      const template = await requireTemplate(tx, readScope(session), templateId);
      const routers = await targetRouters(tx, template.tenantId, routerIds);
      const { id: _id, tenantId, createdAt: _c, updatedAt: _u, ...spec } = template;
      const runs: ProvisioningRun[] = [];
      for (const router of routers) {
        const batchOf: 'self' | number = runs.length === 0 ? 'self' : runs[0]!.id;
        runs.push(await tx.provisioningRuns.insert({ tenantId, routerId: router.id, routerName: router.name, templateId, templateName: template.name, spec, mode: 'apply', state: 'queued', batchOf, concurrency, requestedBy: session.user?.username ?? null }, Date.now()));
      }
      const batchId = runs[0]!.id;
      await dispatchBatch(tx, batchId);
      await tx.audit.record({
        at: Date.now(),
        tenantId,
        actor: actor(session.user),
        action: 'provisioning.applied',
        target: { type: 'provisioning_template', id: templateId, label: template.name },
        details: { routers: routers.map((r) => r.name), batchId, concurrency },
      });
      tx.afterCommit(() => {
        for (const run of runs) services.bus.publish('RouterProvisioningPlanned', run, tenantId);
      });
      return { batchId, runIds: runs.map((r) => r.id) };
    }),

  'provisioning.runs': ({ routerId, batchId, tenantId, limit }, { services, session }) =>
    services.business.read(async (tx) => ({ runs: await tx.provisioningRuns.list({ tenantId: readScope(session) ?? tenantId ?? null, routerId, batchId, limit }) })),
};
