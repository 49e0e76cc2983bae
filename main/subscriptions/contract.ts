import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

/**
 * What a subscription step did, as events show it: ids, times and money only (the login name is
 * masked when it is a phone or an email, as everywhere).
 */
export interface SubscriptionChange {
  subscriberId: number;
  tenantId: number;
  username: string;
  /** ISO 8601; the new end of the subscription. */
  validUntil: string | null;
  /** `payment`: a payment bought it; `renewal`: the balance renewed it at expiry. */
  reason: 'payment' | 'renewal' | 'expiry';
  paymentId: number | null;
  /** The plan's price taken from the balance (0: none taken). */
  chargedMinor: number;
  balanceMinor: number;
  currency: string;
}

/** Reminder offsets: whole days go out on the tenant's calendar day, hours and minutes before the time. */
export const reminderOffset = z
  .number()
  .int()
  .min(15 * 60, 'at least 15 minutes before expiry')
  .max(30 * 86_400, 'at most 30 days before expiry');

export interface ExpirySettings {
  tenantId: number;
  /** Seconds before valid-until, largest first (3 days, 1 day, 1 hour by default). */
  reminderOffsets: number[];
}

export const DEFAULT_REMINDER_OFFSETS = [3 * 86_400, 86_400, 3600];
/** Day reminders go out at this hour of the tenant's morning, not at the minute of expiry in the night. */
export const REMINDER_HOUR = 9;

const id = z.number().int().positive();

export const subscriptionInvokes = {
  'subscriptions.settings': defineInvoke<ExpirySettings>()({
    input: z.object({ tenantId: id.optional() }).strict(),
    summary: 'When the tenant’s customers are reminded before their subscription ends.',
  }),
  'subscriptions.updateSettings': defineInvoke<ExpirySettings>()({
    input: z
      .object({
        tenantId: id.optional(),
        reminderOffsets: z
          .array(reminderOffset)
          .max(5, 'at most five reminders')
          .refine((list) => new Set(list).size === list.length, 'each reminder once'),
      })
      .strict(),
    summary: 'Changes the reminders before expiry (tenant admins; audited).',
  }),
  'subscriptions.reconnect': defineInvoke<{ jobId: number }>()({
    input: z.object({ subscriberId: id }).strict(),
    summary: 'Brings a subscriber’s routers in line with its status again now (operators): enables, moves or disables the account and ends its session.',
  }),
};

export const subscriptionEvents = {
  SubscriptionExtended: defineEvent<SubscriptionChange>()({ scope: 'tenant', topic: 'subscribers', summary: 'A payment or the balance extended a subscription (valid-until moved).' }),
  SubscriptionReconnected: defineEvent<SubscriptionChange>()({ scope: 'tenant', topic: 'subscribers', summary: 'An expired subscriber is enabled again on every router and its old session ended.' }),
  SubscriptionExpired: defineEvent<SubscriptionChange>()({ scope: 'tenant', topic: 'subscribers', summary: 'A subscription ran out; its plan’s expiry behaviour goes to its routers.' }),
};
