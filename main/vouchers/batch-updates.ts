import type { BusinessTx } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import { maskBatch } from './code-mask';

/** VoucherBatchUpdated for each batch, with what the unit of work left in it, once it commits. */
export async function publishBatches(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, batchIds: Iterable<number>): Promise<void> {
  for (const batchId of new Set(batchIds)) {
    const batch = await tx.vouchers.batch(null, batchId);
    if (batch) tx.afterCommit(() => bus.publish('VoucherBatchUpdated', maskBatch(batch), batch.tenantId));
  }
}
