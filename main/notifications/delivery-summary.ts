import { maskEmail, maskEmailsIn, maskIdentifier, maskPhone } from '../events/mask';
import type { DeliverySummary } from './contract';
import type { DeliveryRecord } from './notification-repository';

const PHONE_IN_TEXT = /\+?\d[\d ()-]{7,}\d/g;

/** Free text (a gateway's refusal) with the emails and phone numbers in it masked. */
export function maskContactsIn(text: string): string {
  return maskEmailsIn(text).replace(PHONE_IN_TEXT, (phone) => maskPhone(phone) ?? phone);
}

/** A delivery as the log and its events show it: recipient always masked, body never. */
export function deliverySummary(d: DeliveryRecord): DeliverySummary {
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return {
    id: d.id,
    tenantId: d.tenantId,
    channel: d.channel,
    recipient: d.channel === 'email' ? maskEmail(d.recipient)! : maskIdentifier(d.recipient),
    audience: d.audience,
    message: d.message,
    key: d.key,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError === null ? null : maskContactsIn(d.lastError),
    createdAt: iso(d.createdAt)!,
    updatedAt: iso(d.updatedAt)!,
    nextAttemptAt: d.status === 'held' || d.status === 'retrying' ? iso(d.nextAttemptAt) : null,
    sentAt: iso(d.sentAt),
  };
}
