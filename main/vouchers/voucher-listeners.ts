import { onRouterBackOnline } from '../routers/router-back-online';
import { activateFromSessions } from './voucher-activation';
import { pushKey } from './voucher-jobs';
import { queueRouterExpiries } from './voucher-router-expiry';
import type { VoucherServices } from './voucher-services';

type Services = Pick<VoucherServices, 'business' | 'bus' | 'log' | 'routerStatus'>;

/** Queues the pushes that have not finished on a router (one per batch: the unique key keeps a queued or running one). */
export async function resumePushes(services: Pick<Services, 'business'>, routerId: number): Promise<number> {
  return services.business.run(async (tx) => {
    let queued = 0;
    for (const { batchId, tenantId } of await tx.vouchers.waitingOn(routerId)) {
      const { deduplicated } = await tx.jobs.enqueue('vouchers.push', { batchId, routerId }, { tenantId, uniqueKey: pushKey(batchId, routerId) });
      if (!deduplicated) queued += 1;
    }
    return queued;
  });
}

/**
 * What vouchers do after other domains' events (registered in main/events/listeners.ts):
 * - a router that is online takes the pushes and the spent vouchers' expiry that waited for it.
 *   Every online status counts, not only the change to online: the periodic ones also pick up a
 *   job that ended while the router was coming back (the unique keys make the repeat free);
 * - a hotspot login with an unused voucher's code activates it.
 */
export function voucherListeners(services: Services): Array<() => void> {
  const { bus, log } = services;
  return [
    onRouterBackOnline(bus, (id, tenantId) => {
      resumePushes(services, id).catch((error: unknown) => log.error('could not queue the voucher pushes waiting for a router', { tenantId, routerId: id, error: String(error) }));
      services.business
        .run((tx) => queueRouterExpiries(tx, services, Date.now(), id))
        .catch((error: unknown) => log.error('could not queue the voucher expiry waiting for a router', { tenantId, routerId: id, error: String(error) }));
    }),
    bus.on('HotspotSessionsChanged', (delta, meta) => {
      if (meta.tenantId === undefined) return;
      activateFromSessions(services, meta.tenantId, delta).catch((error: unknown) => log.error('could not activate vouchers from new hotspot sessions', { tenantId: meta.tenantId, error: String(error) }));
    }),
  ];
}
