import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { applyPayment } from './subscription-extension';
import type { SubscriptionServices } from './subscription-services';

type Services = Pick<SubscriptionServices, 'business' | 'bus'>;

/** Payments applied per transaction: a burst commits in a few writes, the loop stays responsive. */
const BATCH = 100;

/**
 * Applies every matched payment of the tenant that waits (the `payments.apply` job, one per tenant
 * at a time). It reads again until none is left, because a payment committed while it runs has its
 * enqueue joined to this job rather than queued after it; the minute sweep catches the rare one
 * that lands after the last read (tenantsWithUnapplied). Each payment is applied once: its
 * applied mark is set in the transaction that applies it.
 */
export async function applyWaitingPayments(services: Services, tenantId: number): Promise<{ applied: number; extended: number }> {
  let applied = 0;
  let extended = 0;
  for (;;) {
    const ids = await services.business.read((tx) => tx.payments.toApply(tenantId, BATCH));
    if (ids.length === 0) return { applied, extended };
    await services.business.run(async (tx) => {
      for (const id of ids) {
        const outcome = await applyPayment(tx, services.bus, id, Date.now());
        if (!outcome.skipped) applied += 1;
        if (outcome.extended) extended += 1;
      }
    });
    await yieldToLoop();
  }
}
