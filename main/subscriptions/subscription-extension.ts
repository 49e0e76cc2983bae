import type { BusinessTx } from '../business/business-tx';
import { enqueueCustomerMessage } from '../notifications/enqueue-customer-message';
import type { EventBus } from '../events/event-bus';
import type { PlanRecord } from '../plans/plan-repository';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import { publishAfterCommit, subscriptionChange } from './subscription-change';

/** A plan that can be bought again and again: it has a validity to add. */
export const renewable = (plan: PlanRecord | null): plan is PlanRecord & { validitySeconds: number } => plan !== null && plan.validitySeconds !== null;

/**
 * Takes the plan's price from the balance (a `charge` entry, with the plan) and moves valid-until
 * on by the plan's validity: from the old end while it runs, from now once it has passed (a
 * customer who pays late does not pay for days without service). An expired subscriber becomes
 * active and its routers are brought in line (enable, move back, end the old session) by
 * `subscriptions.apply-access`, enqueued here so it commits with the extension.
 */
export async function extendSubscription(
  tx: BusinessTx,
  bus: Pick<EventBus, 'publish'>,
  subscriber: SubscriberRecord,
  plan: PlanRecord & { validitySeconds: number },
  paymentId: number | null,
  /** The balance before the charge (the caller read it to decide). */
  balanceBefore: number,
  now: number,
): Promise<SubscriberRecord> {
  const { tenantId, id } = subscriber;
  const currentEnd = subscriber.validUntil === null ? now : Date.parse(subscriber.validUntil);
  const validUntil = Math.max(now, currentEnd) + plan.validitySeconds * 1000;
  if (plan.priceMinor > 0) {
    await tx.ledger.append(
      { tenantId, subscriberId: id, kind: 'charge', amountMinor: -plan.priceMinor, currency: plan.currency, paymentId, planId: plan.id, note: plan.name, by: null },
      now,
    );
  }
  const reconnect = subscriber.status === 'expired';
  const updated = await tx.subscribers.update(id, { validUntil, ...(reconnect ? { status: 'active' as const } : {}) }, now);
  const until = new Date(validUntil).toISOString();
  await tx.subscribers.addHistory(tenantId, id, paymentId === null ? 'renewed' : 'extended', `${plan.name} until ${until}${paymentId === null ? ', renewed from the balance' : ''}`, null, now);
  if (reconnect) {
    await tx.subscribers.setAccessChange(id, 'reconnect', now);
    await tx.jobs.enqueue('subscriptions.apply-access', { subscriberId: id }, { tenantId, uniqueKey: `subscriptions.apply-access:${id}` });
  }
  const latest = (await tx.subscribers.get(tenantId, id)) ?? updated;
  const change = await subscriptionChange(tx, latest, { reason: paymentId === null ? 'renewal' : 'payment', paymentId, chargedMinor: plan.priceMinor }, plan.currency, balanceBefore - plan.priceMinor);
  await publishAfterCommit(tx, bus, latest, { event: 'SubscriptionExtended', change });
  return latest;
}

export interface PaymentApplied {
  /** Why nothing was done: the payment is not (or no longer) a matched one, or it was applied before. */
  skipped?: string;
  extended?: boolean;
  reconnect?: boolean;
  balanceMinor?: number;
}

/**
 * Applies a matched payment to its subscriber's subscription, once (the payment's applied mark is
 * the guard, in the same transaction): when the balance covers the plan's price the subscription
 * is extended and the price charged; what is left (or a payment short of the price) stays as
 * balance. The customer is told either way (`notifications.customer`, keyed by the payment).
 */
export async function applyPayment(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, paymentId: number, now: number): Promise<PaymentApplied> {
  const payment = await tx.payments.get(null, paymentId);
  if (!payment || payment.state !== 'matched' || payment.subscriberId === null) return { skipped: `payment ${paymentId} is not a matched payment` };
  if (!(await tx.payments.markApplied(paymentId, now))) return { skipped: `payment ${paymentId} was applied before` };
  const subscriber = await tx.subscribers.get(payment.tenantId, payment.subscriberId);
  if (!subscriber) return { skipped: `subscriber ${payment.subscriberId} no longer exists: the payment stays in the ledger` };
  const plan = await tx.plans.get(payment.tenantId, subscriber.planId);
  const balance = await tx.ledger.balance(payment.tenantId, subscriber.id);
  const covers = renewable(plan) && plan.currency === payment.currency && balance >= plan.priceMinor;
  const latest = covers ? await extendSubscription(tx, bus, subscriber, plan, payment.id, balance, now) : subscriber;
  const balanceMinor = covers ? balance - plan.priceMinor : balance;
  await enqueueCustomerMessage(tx, payment.tenantId, {
    subscriberId: subscriber.id,
    message: 'payment-received',
    key: `payment-received:p${payment.id}`,
    facts: {
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      balanceMinor,
      validUntil: latest.validUntil === null ? null : Date.parse(latest.validUntil),
      ...(plan ? { planName: plan.name } : {}),
      paymentReference: payment.reference,
    },
  });
  return { extended: covers, reconnect: covers && subscriber.status === 'expired', balanceMinor };
}
