import { enqueueDelivery } from './deliver-job';
import type { NotificationServices } from './notification-services';

/** An attempt this late has lost its job (failed for good by crashes mid-send, or never committed). */
export const OVERDUE_MS = 120_000;

/**
 * Gives every delivery still to send whose attempt is overdue its job again (at most `limit` a
 * run). A delivery whose job is merely queued behind others joins that job (same key), so this
 * adds work only where a job was lost.
 */
export function resumeOverdueDeliveries(services: Pick<NotificationServices, 'business'>, now = Date.now(), limit = 500): Promise<{ requeued: number }> {
  return services.business.run(async (tx) => {
    const overdue = await tx.notifications.deliveries.overdue(now - OVERDUE_MS, limit);
    let requeued = 0;
    for (const delivery of overdue) if (!(await enqueueDelivery(tx, delivery)).deduplicated) requeued += 1;
    return { requeued };
  });
}
