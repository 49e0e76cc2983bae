import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed timestamp may be from our clock: a captured request replays for this long at most (and then as a duplicate receipt). */
export const REPLAY_WINDOW_SECONDS = 300;

/** The signature a sender computes: hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the tenant's secret. */
export function signWebhook(secret: string, timestamp: string, body: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/**
 * Null when `X-Noc-Timestamp` / `X-Noc-Signature` prove the body came from the secret's holder
 * within the replay window; else why not, in words for the sender's log (and the audit).
 */
export function checkWebhookSignature(secret: string, timestamp: string | undefined, signature: string | undefined, body: Buffer, nowMs: number): string | null {
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return 'X-Noc-Timestamp is missing or not unix seconds';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return `X-Noc-Timestamp is more than ${REPLAY_WINDOW_SECONDS} s from the console's clock: sign with the current time (and check the sender's clock)`;
  if (signature === undefined || !/^[0-9a-fA-F]{64}$/.test(signature)) return 'X-Noc-Signature is missing or not 64 hex digits';
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? null : 'X-Noc-Signature does not match: sign `${timestamp}.${body}` with the tenant’s current secret';
}
