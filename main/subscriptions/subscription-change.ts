import type { BusinessTx } from '../business/business-tx';
import type { EventBus } from '../events/event-bus';
import { maskIdentifier } from '../events/mask';
import { subscriberSummary } from '../subscribers/subscriber-summary';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import type { SubscriptionChange } from './contract';

/** What a subscription step did, for its event (login masked like every broadcast). */
export async function subscriptionChange(
  tx: BusinessTx,
  subscriber: SubscriberRecord,
  step: Pick<SubscriptionChange, 'reason' | 'paymentId' | 'chargedMinor'>,
  currency: string,
  /** The balance after the step when the caller knows it (saves a read); else read. */
  balanceMinor?: number,
): Promise<SubscriptionChange> {
  return {
    subscriberId: subscriber.id,
    tenantId: subscriber.tenantId,
    username: maskIdentifier(subscriber.username),
    validUntil: subscriber.validUntil,
    ...step,
    balanceMinor: balanceMinor ?? (await tx.ledger.balance(subscriber.tenantId, subscriber.id)),
    currency,
  };
}

export type SubscriptionEvent = 'SubscriptionExtended' | 'SubscriptionReconnected' | 'SubscriptionExpired';

/** After the commit: the subscriber's row in every open list, then the step's own event if it has one. */
export async function publishAfterCommit(tx: BusinessTx, bus: Pick<EventBus, 'publish'>, subscriber: SubscriberRecord, step?: { event: SubscriptionEvent; change: SubscriptionChange }): Promise<void> {
  const summary = await subscriberSummary(tx, subscriber);
  tx.afterCommit(() => {
    bus.publish('SubscriberUpdated', summary, subscriber.tenantId);
    if (step) bus.publish(step.event, step.change, subscriber.tenantId);
  });
}
