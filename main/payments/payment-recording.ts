import type { BusinessTx } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import type { NewPayment, PaymentRecord } from './payment-repository';
import { maskedPayment } from './payment-summary';
import { phoneKey } from './phone-key';

/** A payment as it arrives, before it is matched (tenant, currency and all, checked by the caller). */
export type IncomingPayment = Omit<NewPayment, 'subscriberId'> & {
  /** Recorded by hand for this subscriber; absent: matched by the account reference. */
  subscriberId?: number;
};

export interface RecordOutcome {
  payment: PaymentRecord;
  /** The receipt was recorded before: nothing new was written. */
  duplicate: boolean;
}

/**
 * The subscriber an account reference names: its login name, else its phone (the last nine
 * digits, so `2547…` finds `07…`). A phone several subscribers share names none of them: the
 * payment waits for staff rather than going to the wrong customer.
 */
export async function matchAccount(tx: BusinessTx, tenantId: number, reference: string | null): Promise<number | null> {
  if (reference === null || reference.trim() === '') return null;
  const byName = await tx.payments.subscriberByLogin(tenantId, reference);
  if (byName !== null) return byName;
  const key = phoneKey(reference);
  if (key === null) return null;
  const ids = await tx.payments.subscribersByPhoneKey(tenantId, key);
  return ids.length === 1 ? ids[0]! : null;
}

/**
 * A matched payment's entry in its subscriber's ledger, and the job that applies it to the
 * subscription (extend, reconnect, tell the customer), committed together: a payment the console
 * has accepted is always applied, once (payments.apply is guarded by the payment's applied mark).
 * One apply job per tenant at a time takes every payment waiting: a burst of webhooks is applied
 * in a few transactions, not one each.
 */
export async function creditLedger(tx: BusinessTx, payment: PaymentRecord, by: string | null): Promise<void> {
  await tx.ledger.append(
    { tenantId: payment.tenantId, subscriberId: payment.subscriberId!, kind: 'payment', amountMinor: payment.amountMinor, currency: payment.currency, paymentId: payment.id, note: null, by },
    Date.now(),
  );
  await tx.jobs.enqueue('payments.apply', { tenantId: payment.tenantId }, { tenantId: payment.tenantId, uniqueKey: `payments.apply:t${payment.tenantId}` });
}

/**
 * Records a payment once: a receipt the tenant has from this provider already is a duplicate and
 * changes nothing. A matched payment enters its subscriber's ledger in the same transaction;
 * `PaymentReceived` or `PaymentUnmatched` goes out (masked) after the commit.
 */
export async function recordPayment(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, incoming: IncomingPayment, now: number): Promise<RecordOutcome> {
  const existing = await tx.payments.byReference(incoming.tenantId, incoming.provider, incoming.reference);
  if (existing) return { payment: existing, duplicate: true };
  const subscriberId = incoming.subscriberId ?? (await matchAccount(tx, incoming.tenantId, incoming.accountReference));
  const payment = await tx.payments.insert({ ...incoming, subscriberId }, now);
  if (payment.subscriberId !== null) await creditLedger(tx, payment, incoming.recordedBy);
  const event = payment.state === 'matched' ? 'PaymentReceived' : 'PaymentUnmatched';
  tx.afterCommit(() => bus.publish(event, maskedPayment(payment), payment.tenantId));
  return { payment, duplicate: false };
}
