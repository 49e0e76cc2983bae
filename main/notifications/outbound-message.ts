import { createHash } from 'node:crypto';

/** One message to one recipient, rendered, as a channel sender takes it. */
export interface OutboundMessage {
  /**
   * The delivery's idempotency key: the same for every attempt of one delivery, different for
   * every other delivery. HTTP receivers get it as `Idempotency-Key`, email as the Message-ID.
   */
  deliveryKey: string;
  recipient: string;
  recipientName: string | null;
  subject: string;
  text: string;
}

/**
 * What came of one attempt. `permanent`: another attempt of the same message would be refused
 * the same way (a rejected address, a 4xx from a gateway): the delivery fails at once.
 */
export type SendOutcome = { ok: true; status: number | null } | { ok: false; status: number | null; error: string; permanent: boolean };

const digest = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

/**
 * The key of a delivery, from what makes it unique (tenant, occurrence key, channel, recipient):
 * deterministic, so a crash-replayed job sends the same key. The recipient enters as a hash, so
 * the key can travel in headers and logs without the phone number or address.
 */
export function deliveryKey(d: { tenantId: number; key: string; channel: string; recipient: string }): string {
  return `noc-${d.tenantId}-${d.channel}-${digest(`${d.key}\n${d.recipient}`, 24)}`;
}

/** A Message-ID from the delivery key, in the sender's domain: a resent copy carries the same one. */
export function messageIdFor(key: string, from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1) || 'noc-console.invalid';
  return `<${digest(key, 32)}@${domain}>`;
}
