import type { CUSTOMER_MESSAGE_KINDS, DeliveryStatus, StaffChannel, StaffRule } from '../../../../main/notifications/contract';

export type CustomerMessageKind = (typeof CUSTOMER_MESSAGE_KINDS)[number];

/** How each channel is named wherever a person reads it. */
export const CHANNEL_LABEL: Record<StaffChannel, string> = { 'in-app': 'In-app', desktop: 'Desktop', email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp', telegram: 'Telegram' };

/** Each staff rule: its name and when it fires, as Settings › Staff alerts says it. */
export const RULE_TEXT: Record<StaffRule, { label: string; help: string }> = {
  'router-down': { label: 'Router down', help: 'A router stays unreachable longer than the time below (one message per change; routers that drop together are grouped).' },
  'router-back': { label: 'Router back online', help: 'A router that was reported down answers again.' },
  'router-cpu-high': { label: 'Router CPU high', help: 'A router’s CPU load stays above the percentage for the minutes below.' },
  'router-login-refused': { label: 'Router refused login', help: 'A router refuses the console’s API user (password changed, or the user lost the api policy).' },
  'provisioning-failed': { label: 'Provisioning failed', help: 'Setting up a router, a plan or a subscriber on a router stopped with an error.' },
  'payment-unmatched': { label: 'Payment unmatched', help: 'A payment names no known subscriber and waits in Payments › Unmatched.' },
  'payment-received': { label: 'Payment received', help: 'A payment was recorded and matched to a subscriber.' },
  'subscriber-reconnected': { label: 'Subscriber reconnected', help: 'A subscriber whose time had run out was enabled again after paying.' },
  'job-failed': { label: 'Job failed for good', help: 'A job used all its attempts; it waits in Jobs to be retried or discarded.' },
  'webhook-paused': { label: 'Event webhook paused', help: 'An event webhook failed too often in a row and was paused.' },
};

/** Each customer message: its name and when it goes out. */
export const MESSAGE_TEXT: Record<CustomerMessageKind, { label: string; help: string }> = {
  'payment-received': { label: 'Payment received', help: 'When a customer’s payment is recorded and applied.' },
  'expiry-reminder': { label: 'Expiry reminder', help: 'Before a subscription runs out, at the reminder times of the tenant.' },
  expired: { label: 'Expired', help: 'When a subscription has run out.' },
  reconnected: { label: 'Reconnected', help: 'When a subscriber is enabled again after paying.' },
};

/** What each placeholder of a customer message becomes. */
export const CUSTOMER_PLACEHOLDER_HELP: Record<string, string> = {
  name: 'the subscriber’s name',
  amount: 'the amount paid, in your currency',
  balance: 'the balance left after it',
  validUntil: 'when the subscription runs out (your time zone)',
  plan: 'the plan’s name',
  receipt: 'the payment’s receipt',
  company: 'your company’s name',
};

/** What each placeholder of a gateway's body becomes. */
export const WEBHOOK_PLACEHOLDER_HELP: Record<string, string> = {
  phone: 'the recipient’s phone number',
  message: 'the text to send (required)',
  name: 'the recipient’s name',
  email: 'the recipient’s email',
  chatId: 'the Telegram chat id',
};

export const DELIVERY_STATUS_LABEL: Record<DeliveryStatus, string> = { queued: 'queued', held: 'held (quiet hours)', sent: 'sent', retrying: 'retrying', failed: 'failed' };
