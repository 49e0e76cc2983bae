import type { BusinessTx } from '../business/business-tx';
import { maskEmail, maskIdentifier, maskPhone } from '../events/mask';
import type { SubscriberSummary } from './contract';
import type { SubscriberRecord } from './subscriber-repository';

/**
 * A subscriber as lists and events show it: contact masked, and the login name and name too when
 * they are a phone number or an email (as live sessions show them, so the two still match). Full
 * values only through subscribers.get.
 */
export function maskedSubscriber(record: SubscriberRecord, routers: SubscriberSummary['routers']): SubscriberSummary {
  return { ...record, name: maskIdentifier(record.name), username: maskIdentifier(record.username), phone: maskPhone(record.phone), email: maskEmail(record.email), routers };
}

export async function subscriberSummaries(tx: BusinessTx, records: readonly SubscriberRecord[]): Promise<SubscriberSummary[]> {
  const states = await tx.provisioning.statesOf('subscriber', records.map((r) => r.id));
  return records.map((record) =>
    maskedSubscriber(
      record,
      (states.get(record.id) ?? []).map((s) => ({ routerId: s.routerId, state: s.state, message: s.message, updatedAt: new Date(s.updatedAt).toISOString() })),
    ),
  );
}

export async function subscriberSummary(tx: BusinessTx, record: SubscriberRecord): Promise<SubscriberSummary> {
  return (await subscriberSummaries(tx, [record]))[0]!;
}
