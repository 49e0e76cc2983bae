import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import type { CustomerMessage } from './customer-message-contract';
import { CUSTOMER_MESSAGE_KINDS, EXTERNAL_CHANNELS, notificationSettingsInput, type ExternalChannel, type NotificationSettings, type StaffRule } from './settings-contract';

export * from './settings-contract';

/**
 * The notifications part of the contract: the staff's in-app notification centre (per-user read
 * state), the tenant's notification settings, a test send, and the delivery log of messages that
 * leave the console (email, SMS, WhatsApp, Telegram). Imported by the renderer: no Node modules.
 */

export const NOTIFICATION_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type NotificationSeverity = (typeof NOTIFICATION_SEVERITIES)[number];

/** What a notification is about, so the centre can link to it. */
export interface NotificationSubject {
  type: 'router' | 'payment' | 'subscriber' | 'job' | 'webhook';
  id: number;
  /** A name to show (router name, receipt, login): masked when it is a phone or email. */
  label: string;
}

/**
 * One staff notification in the centre. Its texts are masked when written (they reach every user
 * of the tenant, and events): full contact details only through their own views.
 */
export interface NotificationSummary {
  id: number;
  tenantId: number;
  rule: StaffRule;
  severity: NotificationSeverity;
  title: string;
  body: string;
  /** The one thing it is about; null for a grouped notification (see `count`). */
  subject: NotificationSubject | null;
  /** How many occurrences it stands for: 10 routers that dropped together are one notification. */
  count: number;
  /** The rule asks for an OS desktop notification too (the renderer shows it, once per id). */
  desktop: boolean;
  createdAt: string;
  /** Read by the signed-in user (per user: each desk of one user agrees, other users differ). */
  read: boolean;
}

export const DELIVERY_STATUSES = ['queued', 'held', 'sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** What a delivery carries: a staff rule, a customer message, or an admin's test. */
export type DeliveryMessage = StaffRule | CustomerMessage | 'test';

/** One message to one recipient on one channel: a row of the delivery log. */
export interface DeliverySummary {
  id: number;
  tenantId: number;
  channel: ExternalChannel;
  /** Phone, email or chat id, always masked. */
  recipient: string;
  audience: 'staff' | 'customer' | 'test';
  message: DeliveryMessage;
  /**
   * Names the occurrence (`payment-received:p42`, `router-down:r7:1733140000000`): one delivery
   * per key, channel and recipient however often a job runs; sent as the `Idempotency-Key`
   * header (HTTP) and in the Message-ID (email) so receivers can drop a duplicate.
   */
  key: string;
  status: DeliveryStatus;
  attempts: number;
  /** Why the last attempt failed, in words to act on (masked). */
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  /** `held` (quiet hours) or `retrying`: when the next attempt is due. */
  nextAttemptAt: string | null;
  sentAt: string | null;
}

export interface TestSendResult {
  channel: ExternalChannel;
  /** Masked. */
  recipient: string;
  ok: boolean;
  /** The receiver's HTTP status, or the SMTP reply code; null when nothing answered. */
  status: number | null;
  /** Why it failed, in words to act on; null when it was sent. */
  error: string | null;
  at: string;
}

const id = z.number().int().positive();

export const notificationListInput = z
  .object({
    /** System admins name a tenant; tenant users read their own. */
    tenantId: id.optional(),
    unreadOnly: z.boolean().default(false),
    /** Older than this id (the next page). */
    before: id.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const markReadInput = z.union([
  z.object({ tenantId: id.optional(), ids: z.array(id).min(1, 'name the notifications to mark read').max(500) }).strict(),
  z.object({ tenantId: id.optional(), all: z.literal(true) }).strict(),
]);

export const notificationTestInput = z
  .object({
    tenantId: id.optional(),
    channel: z.enum(EXTERNAL_CHANNELS),
    /** An email address, phone number or chat id; omitted: the channel's first staff recipient. */
    to: z.string().trim().min(3).max(254).optional(),
  })
  .strict();

export const deliveryListInput = z
  .object({
    tenantId: id.optional(),
    status: z.enum(DELIVERY_STATUSES).optional(),
    channel: z.enum(EXTERNAL_CHANNELS).optional(),
    message: z.union([z.enum(CUSTOMER_MESSAGE_KINDS), z.string().regex(/^[a-z-]{2,40}$/)]).optional(),
    limit: z.number().int().min(1).max(2_000).default(200),
  })
  .strict();

export const notificationInvokes = {
  'notifications.list': defineInvoke<{ notifications: NotificationSummary[]; unread: number }>()({
    input: notificationListInput,
    summary: 'The tenant’s staff notifications, newest first, with the signed-in user’s read state and unread count.',
  }),
  'notifications.markRead': defineInvoke<{ unread: number }>()({
    input: markReadInput,
    summary: 'Marks notifications read for the signed-in user ({ ids } or { all: true }); NotificationsRead follows for the user’s other desks.',
  }),
  'notifications.settings': defineInvoke<NotificationSettings>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'The tenant’s channels, staff rules, customer templates and quiet hours; secrets never returned, recipients masked for non-admins.',
  }),
  'notifications.updateSettings': defineInvoke<NotificationSettings>()({
    input: notificationSettingsInput,
    summary: 'Changes notification settings (tenant admins; audited): each section given replaces that section; secrets left out stay as saved.',
  }),
  'notifications.test': defineInvoke<TestSendResult>()({
    input: notificationTestInput,
    summary: 'Sends a test message on one channel now, with the saved settings, and reports what the receiver answered (admins).',
  }),
  'notifications.deliveries': defineInvoke<{ deliveries: DeliverySummary[] }>()({
    input: deliveryListInput,
    summary: 'The delivery log, newest first: channel, masked recipient, message, status, attempts and last error (admins).',
  }),
};

export const notificationEvents = {
  NotificationRaised: defineEvent<NotificationSummary>()({
    scope: 'tenant',
    topic: 'notifications',
    summary: 'A staff notification was raised (texts masked; `read` is false); desktop: true asks for an OS notification.',
  }),
  NotificationsRead: defineEvent<{ userId: number; ids: number[] | 'all'; unread: number }>()({
    scope: 'tenant',
    topic: 'notifications',
    withoutTenant: 'system',
    summary: 'A user marked notifications read: that user’s other desks update their unread count (others ignore it).',
  }),
  NotificationSettingsChanged: defineEvent<{ tenantId: number; updatedAt: string }>()({
    scope: 'tenant',
    topic: 'notifications',
    summary: 'An admin changed the notification settings: open settings views refetch them.',
  }),
  NotificationDeliveryUpdated: defineEvent<DeliverySummary>()({
    scope: 'tenant',
    topic: 'notifications.deliveries',
    summary: 'A delivery was queued, held, sent, retried or failed (recipient masked; admins).',
  }),
};
