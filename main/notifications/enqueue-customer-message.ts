import type { BusinessTx } from '../business/business-tx';
import type { CustomerMessagePayload } from './customer-message-contract';

/**
 * Enqueues a customer message in the caller's transaction, when the tenant sends that message at
 * all (switched on, with a channel): a payment or an expiry of a tenant without customer messages
 * costs no job. The settings of the moment decide, as for a message held by quiet hours.
 */
export async function enqueueCustomerMessage(tx: BusinessTx, tenantId: number, payload: CustomerMessagePayload): Promise<void> {
  const { settings } = await tx.notifications.settings.get(tenantId);
  const message = settings.customerMessages[payload.message];
  if (!message.enabled || message.channels.length === 0) return;
  await tx.jobs.enqueue('notifications.customer', payload, { tenantId });
}
