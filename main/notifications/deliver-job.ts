import type { BusinessTx } from '../business/business-tx';
import type { DeliveryRecord } from './notification-repository';

/**
 * Queues the job that makes a delivery's next attempt. Keyed by delivery, attempt and state: a
 * retry or a hold (quiet hours) queued by the attempt still running is a job of its own, and the
 * minute's check for overdue deliveries (a job lost to repeated crashes) joins a job still queued
 * for the same attempt instead of adding one.
 */
export function enqueueDelivery(tx: BusinessTx, delivery: Pick<DeliveryRecord, 'id' | 'tenantId' | 'attempts' | 'status'>, runAt?: number) {
  return tx.jobs.enqueue(
    'notifications.deliver',
    { deliveryId: delivery.id },
    { tenantId: delivery.tenantId, uniqueKey: `notifications.deliver:${delivery.id}:${delivery.attempts}:${delivery.status}`, ...(runAt === undefined ? {} : { runAt: new Date(runAt) }) },
  );
}
