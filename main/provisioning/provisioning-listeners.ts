import { onRouterBackOnline } from '../routers/router-back-online';
import type { ProvisioningServices } from './provisioning-services';

type Services = Pick<ProvisioningServices, 'bus' | 'business' | 'log'>;

/**
 * Plans and subscribers waiting for a router (it was down when they changed) are pushed again the
 * moment it comes back online, template runs waiting for it start again, and reconnections or expiries waiting for it are finished.
 */
export function provisioningListeners(services: Services): Array<() => void> {
  return [
    onRouterBackOnline(services.bus, (id) => {
      void services.business
        .run(async (tx) => {
          // A reconnection or expiry under way finishes on this router too (and ends the session there).
          // Its own key: a run that is just giving up on this router must not swallow this one.
          const changing = await tx.subscribers.withAccessChange(id);
          for (const { id: subscriberId, tenantId } of changing) {
            await tx.jobs.enqueue('subscriptions.apply-access', { subscriberId }, { tenantId, uniqueKey: `subscriptions.apply-access:${subscriberId}:router-back:${id}` });
          }
          // Template runs that waited for the router plan afresh now.
          for (const run of await tx.provisioningRuns.waitingOn(id)) await tx.jobs.enqueue('provisioning.run', { runId: run.id }, { tenantId: run.tenantId });
          const changingIds = new Set(changing.map((c) => c.id));
          for (const item of await tx.provisioning.waitingOn(id)) {
            if (item.kind === 'plan') {
              const plan = await tx.plans.get(null, item.itemId);
              if (plan?.routerIds.includes(id)) await tx.jobs.enqueue('plans.sync', { planId: plan.id, routerId: id, check: false }, { tenantId: item.tenantId });
            } else if (!changingIds.has(item.itemId)) {
              await tx.jobs.enqueue('subscribers.sync', { subscriberId: item.itemId, routerId: id }, { tenantId: item.tenantId });
            }
          }
        })
        .catch((error: unknown) => services.log.error('waiting provisioning not requeued', { routerId: id, error: String(error) }));
    }),
  ];
}
