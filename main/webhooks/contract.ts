import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

/**
 * Outbound event webhooks (docs/protocol.md, "Event webhooks"): a tenant admin subscribes an HTTPS
 * URL to chosen events; each occurrence becomes one signed delivery, retried with backoff and
 * logged; a subscription that fails `pauseAfter` attempts in a row is paused. Admins only: the URL
 * may carry the receiver's token and the log shows the receiver's answers. Imported by the
 * renderer: no Node modules here.
 */

/**
 * The events a tenant may subscribe a webhook to, in one place. Chosen for a tenant's own systems
 * (billing, CRM, a status page) and for volume a receiver can take:
 * - money and customers: payments (received, unmatched, assigned, reversed), balance adjustments, subscribers
 *   (created, changed, deleted), subscriptions (extended, reconnected, expired), vouchers (a batch made, a code first used), plans;
 * - routers: `RouterStatusChanged`, delivered only when a router's state changes (online,
 *   degraded, offline, auth-failed), not for its periodic CPU and memory figures.
 * Left out on purpose: session deltas (a batch every 50 ms on a busy fleet, and sessions carry
 * MACs and addresses), dashboard figures and job progress (screens, not business facts), and
 * users, security and audit events (staff data stays inside the console).
 * Every event here is tenant-scoped and its payload is the masked one the tenant's channel gets.
 * Adding a business event is one line (the Settings section groups it by its topic).
 */
export const WEBHOOK_EVENTS = [
  'PaymentReceived',
  'PaymentUnmatched',
  'PaymentAssigned',
  'PaymentReversed',
  'LedgerAdjusted',
  'SubscriberCreated',
  'SubscriberUpdated',
  'SubscriberDeleted',
  'SubscriptionExtended',
  'SubscriptionReconnected',
  'SubscriptionExpired',
  'VoucherBatchCreated',
  'VoucherActivated',
  'PlanCreated',
  'PlanUpdated',
  'PlanDeleted',
  'RouterStatusChanged',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** The event name of a test delivery (`webhooks.test`): sent whatever events a subscription chose. */
export const WEBHOOK_TEST_EVENT = 'WebhookTest';

/** How many consecutive failed attempts pause a subscription, unless it says otherwise. */
export const DEFAULT_PAUSE_AFTER = 10;
export const PAUSE_AFTER_RANGE = { min: 1, max: 100 } as const;

/**
 * `queued` waits for its first attempt, `retrying` for a later one; `sent` got a 2xx; `failed`
 * used its attempts (or its failure paused the subscription); `skipped` was dropped unsent because
 * the subscription was paused or switched off before its turn.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['queued', 'retrying', 'sent', 'failed', 'skipped'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** A subscription as admins see it: never its secret (shown once, by create and rotateSecret). */
export interface WebhookSubscriptionSummary {
  id: number;
  tenantId: number;
  url: string;
  description: string;
  events: WebhookEventName[];
  /** Switched off by an admin: nothing is queued, and pending deliveries are skipped. */
  enabled: boolean;
  /** Paused after `pauseAfter` failed attempts in a row; `webhooks.resume` starts it again. */
  paused: boolean;
  pausedAt: string | null;
  pauseAfter: number;
  consecutiveFailures: number;
  /** Why the last failed attempt failed (the receiver's status and words, or the network's). */
  lastError: string | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  secretRotatedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** One event occurrence to one subscription: a row of the delivery log, one per attempt series. */
export interface WebhookDeliverySummary {
  id: number;
  subscriptionId: number;
  tenantId: number;
  /** An event of WEBHOOK_EVENTS, or `WebhookTest`. */
  event: string;
  /** The occurrence (`id` of the body): the same for every subscription that got it. */
  eventId: string;
  /** `X-Noc-Delivery`: the same on every attempt, so a receiver drops a repeat. */
  key: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  maxAttempts: number;
  /** The receiver's HTTP status of the last attempt; null when there was none (network, timeout). */
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  /** `retrying`: when the next attempt is due. */
  nextAttemptAt: string | null;
  sentAt: string | null;
}

const id = z.number().int().positive();
const eventName = z.enum(WEBHOOK_EVENTS, {
  error: (issue) => `unknown event ${JSON.stringify(issue.input)}: choose among ${WEBHOOK_EVENTS.join(', ')}`,
});
const events = z
  .array(eventName)
  .min(1, 'choose at least one event to send')
  .max(WEBHOOK_EVENTS.length * 2)
  .transform((list) => [...new Set(list)]);
/**
 * The receiver's URL. The handler checks it again with `outboundUrlSchema` (main/outbound/
 * outbound-url.ts: HTTPS, or HTTP to loopback; no credentials), which is core and so not
 * importable here; its errors come back under the same field path.
 */
const url = z.string().trim().min(1, 'a full URL such as https://hooks.example.com/noc').max(2000, 'a URL has at most 2,000 characters');
const description = z.string().trim().max(200, 'at most 200 characters');
const pauseAfter = z
  .number()
  .int('a whole number of failed attempts')
  .min(PAUSE_AFTER_RANGE.min, `pause after ${PAUSE_AFTER_RANGE.min} to ${PAUSE_AFTER_RANGE.max} failed attempts in a row`)
  .max(PAUSE_AFTER_RANGE.max, `pause after ${PAUSE_AFTER_RANGE.min} to ${PAUSE_AFTER_RANGE.max} failed attempts in a row`);

export const webhookCreateInput = z
  .object({
    tenantId: id.optional(),
    url,
    events,
    description: description.default(''),
    enabled: z.boolean().default(true),
    pauseAfter: pauseAfter.default(DEFAULT_PAUSE_AFTER),
  })
  .strict();

export const webhookUpdateInput = z
  .object({
    id,
    url: url.optional(),
    events: events.optional(),
    description: description.optional(),
    enabled: z.boolean().optional(),
    pauseAfter: pauseAfter.optional(),
  })
  .strict();

const byId = z.object({ id }).strict();

export const webhookInvokes = {
  'webhooks.list': defineInvoke<{ subscriptions: WebhookSubscriptionSummary[] }>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'The tenant’s event webhook subscriptions (admins), without their secrets.',
  }),
  'webhooks.create': defineInvoke<WebhookSubscriptionSummary & { secret: string }>()({
    input: webhookCreateInput,
    summary: 'Subscribes an HTTPS URL to chosen events (admins); its signing secret is shown this once and sealed at rest; audited.',
  }),
  'webhooks.update': defineInvoke<WebhookSubscriptionSummary>()({
    input: webhookUpdateInput,
    summary: 'Changes a subscription’s URL, events, description, pause threshold or whether it is on (admins); audited.',
  }),
  'webhooks.delete': defineInvoke<{ id: number }>()({
    input: byId,
    summary: 'Deletes a subscription and its delivery log (admins); deliveries not sent yet are dropped; audited.',
  }),
  'webhooks.rotateSecret': defineInvoke<WebhookSubscriptionSummary & { secret: string }>()({
    input: byId,
    summary: 'Makes a new signing secret for a subscription (admins), shown this once; the old one stops signing at once; audited.',
  }),
  'webhooks.resume': defineInvoke<WebhookSubscriptionSummary>()({
    input: byId,
    summary: 'Starts a paused subscription again with its failure count at zero (admins); deliveries skipped while paused are not re-sent; audited.',
  }),
  'webhooks.test': defineInvoke<WebhookDeliverySummary>()({
    input: byId,
    summary: 'Queues a `WebhookTest` delivery to a subscription now (admins), even while it is paused or off; its outcome arrives as WebhookDeliveryUpdated.',
  }),
  'webhooks.deliveries': defineInvoke<{ deliveries: WebhookDeliverySummary[] }>()({
    input: z.object({ id, limit: z.number().int().min(1).max(200).default(50) }).strict(),
    summary: 'The recent delivery log of a subscription, newest first (admins).',
  }),
};

export const webhookEvents = {
  WebhookSubscriptionChanged: defineEvent<WebhookSubscriptionSummary>()({
    scope: 'tenant',
    topic: 'webhooks',
    summary: 'A subscription was created, changed, resumed or given a new secret, or its failure count moved (never the secret).',
  }),
  WebhookSubscriptionDeleted: defineEvent<{ id: number }>()({ scope: 'tenant', topic: 'webhooks', summary: 'A subscription was deleted.' }),
  WebhookSubscriptionPaused: defineEvent<WebhookSubscriptionSummary>()({
    scope: 'tenant',
    topic: 'webhooks',
    summary: 'A subscription failed `pauseAfter` attempts in a row and was paused: nothing more is sent until an admin resumes it.',
  }),
  WebhookDeliveryUpdated: defineEvent<WebhookDeliverySummary>()({
    scope: 'tenant',
    topic: 'webhooks',
    summary: 'A delivery was queued, attempted (sent, retrying, failed) or skipped.',
  }),
};
