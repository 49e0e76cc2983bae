import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import { RouterUnavailableError } from '../provisioning/router-unavailable';
import type { AdoptionServices } from './adoption-services';
import { applyImport, importOutcome, previewImport, previewView, readInventory } from './router-import';

type Ctx = MainJobContext<AdoptionServices>;

const payload = z.object({ routerId: z.number().int().positive(), actorId: z.number().int().positive().nullable(), actorName: z.string().max(64).nullable() }).strict();

/**
 * The day-one move from mikhmon: read a router's hotspot users and profiles and PPP secrets and
 * profiles, preview what they would become, and import them. Router reads happen outside the
 * unit of work; the import itself is one transaction, so it is all there or not at all.
 */
export const adoptionJobs = jobSet(
  defineJob({
    name: 'routers.import-preview',
    queue: 'hotspot-provisioning',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Reads a router’s users and profiles and previews what an import would create (nothing is written).',
    payload,
    handler: async ({ routerId }, { services, jobId, tenantId }: Ctx) => {
      if (tenantId === null) throw new Error('an import preview belongs to a tenant');
      try {
        const inventory = await readInventory(services, routerId);
        const preview = await services.business.read((tx) => previewImport(tx, tenantId, inventory));
        const view = previewView(routerId, preview);
        services.bus.publish('RouterImportPreviewed', { jobId, preview: view }, tenantId);
        return { plans: view.plans.length, vouchers: preview.vouchersToCreate.length, subscribers: view.subscribers.length, conflicts: view.conflicts.length };
      } catch (error) {
        services.bus.publish('RouterImportFailed', { jobId, routerId, message: (error as Error).message }, tenantId);
        if (error instanceof RouterUnavailableError) return { failed: error.message };
        throw error;
      }
    },
  }),
  defineJob({
    name: 'routers.import',
    queue: 'hotspot-provisioning',
    runs: 'main',
    maxAttempts: 1,
    summary: 'Imports a router’s users and profiles into plans, subscribers and vouchers (again: nothing new).',
    payload,
    handler: async ({ routerId, actorId, actorName }, { services, jobId, tenantId }: Ctx) => {
      if (tenantId === null) throw new Error('an import belongs to a tenant');
      const actor = actorId !== null && actorName !== null ? { id: actorId, username: actorName } : null;
      try {
        const inventory = await readInventory(services, routerId);
        const outcome = await services.business.run(async (tx) => {
          const preview = await previewImport(tx, tenantId, inventory);
          const created = await applyImport(tx, tenantId, routerId, preview, actor);
          const outcome = importOutcome(routerId, created);
          await tx.audit.record({ at: Date.now(), tenantId, actor, action: 'router.imported', target: { type: 'router', id: routerId, label: (await tx.tenants.routerName(routerId)) ?? `#${routerId}` }, details: { ...outcome } });
          tx.afterCommit(() => {
            for (const plan of created.plans) services.bus.publish('PlanCreated', plan, tenantId);
            for (const batch of created.batches) services.bus.publish('VoucherBatchCreated', batch, tenantId);
            for (const subscriber of created.subscribers) services.bus.publish('SubscriberCreated', subscriber, tenantId);
            services.bus.publish('RouterImported', { jobId, outcome }, tenantId);
          });
          return outcome;
        });
        return outcome;
      } catch (error) {
        services.bus.publish('RouterImportFailed', { jobId, routerId, message: (error as Error).message }, tenantId);
        if (error instanceof RouterUnavailableError) return { failed: error.message };
        throw error;
      }
    },
  }),
);
