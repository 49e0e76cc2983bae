import { z } from 'zod';
import { CUSTOMER_MESSAGES, type CustomerMessage } from './customer-message-contract';

/**
 * A tenant's notification settings: the channels staff and customers are reached on, the staff
 * rules, the customer message templates and quiet hours. Secrets (the SMTP password, webhook
 * header values, the Telegram bot token) are sealed at rest and never read back: reads say
 * whether one is set, or show it masked. Imported by the renderer: no Node modules here.
 */

/** Where a staff rule can go. `in-app` is the notification centre; `desktop` an OS notification. */
export const STAFF_CHANNELS = ['in-app', 'desktop', 'email', 'sms', 'whatsapp', 'telegram'] as const;
export type StaffChannel = (typeof STAFF_CHANNELS)[number];
/** Channels that leave the console (each configured in `channels`, each a delivery with a log row). */
export const EXTERNAL_CHANNELS = ['email', 'sms', 'whatsapp', 'telegram'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];
/** Where customer messages can go (customers have no console, so no in-app or desktop). */
export const CUSTOMER_CHANNELS = EXTERNAL_CHANNELS;
export type CustomerChannel = ExternalChannel;
/** The HTTPS webhook channels (a gateway's URL, headers and body template). */
export const WEBHOOK_CHANNELS = ['sms', 'whatsapp', 'telegram'] as const;
export type WebhookChannel = (typeof WEBHOOK_CHANNELS)[number];

/** The customer messages, under the name the settings use. */
export const CUSTOMER_MESSAGE_KINDS = CUSTOMER_MESSAGES;

/** The staff rules, each on or off with its parameters and channels. */
export const STAFF_RULES = [
  'router-down',
  'router-back',
  'router-cpu-high',
  'router-login-refused',
  'provisioning-failed',
  'payment-unmatched',
  'payment-received',
  'subscriber-reconnected',
  'job-failed',
  'webhook-paused',
] as const;
export type StaffRule = (typeof STAFF_RULES)[number];

/** Placeholders of customer message templates (docs/protocol.md, "Notifications"). */
export const CUSTOMER_PLACEHOLDERS = ['name', 'amount', 'balance', 'validUntil', 'plan', 'receipt', 'company'] as const;
/** Placeholders of a webhook channel's body template: the recipient and the rendered message. */
export const WEBHOOK_PLACEHOLDERS = ['phone', 'message', 'name', 'email', 'chatId'] as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** A template whose every `{{placeholder}}` is one of `allowed` (a typo would be sent as is). */
export function templateSchema(allowed: readonly string[], max: number) {
  return z
    .string()
    .max(max, `a template has at most ${max} characters`)
    .superRefine((text, ctx) => {
      for (const [, name] of text.matchAll(PLACEHOLDER)) {
        if (!allowed.includes(name!)) ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${name}}}: use ${allowed.map((p) => `{{${p}}}`).join(' ')}` });
      }
    });
}

const EMAIL = z.email('an email address such as noc@example.com').max(254);
const PHONE = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,20}$/, 'a phone number: digits, spaces or dashes, optionally starting with + and the country code');
const HEADER_NAME = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'a header name such as Authorization or X-Api-Key')
  .refine((n) => !['content-length', 'host', 'idempotency-key'].includes(n.toLowerCase()), 'Content-Length, Host and Idempotency-Key are set by the console');

// ── reads ─────────────────────────────────────────────────────────────────────────────────

export interface EmailChannelSettings {
  host: string;
  port: number;
  /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required (587); `none`: plain, loopback relays only. */
  security: 'tls' | 'starttls' | 'none';
  user: string | null;
  /** The password is sealed at rest and never returned. */
  passwordSet: boolean;
  from: string;
  /** Staff addresses that staff rules mail to (masked for non-admins). */
  staffRecipients: string[];
}

export interface HeaderSettings {
  name: string;
  /** The value is sealed at rest; shown as `•••` and its last four characters when it is long. */
  valueMasked: string;
}

export interface WebhookChannelSettings {
  preset: 'webhook';
  url: string;
  headers: HeaderSettings[];
  contentType: 'application/json' | 'application/x-www-form-urlencoded';
  /** The request body with `WEBHOOK_PLACEHOLDERS`, each value escaped for `contentType`. */
  bodyTemplate: string;
  /** Staff phone numbers staff rules go to (masked for non-admins). */
  staffRecipients: string[];
}

/** A Telegram bot: POST `{baseUrl}/bot<token>/sendMessage` with `{ chat_id, text }`; staff only. */
export interface TelegramBotSettings {
  preset: 'telegram-bot';
  /** https://api.telegram.org unless overridden (a local gateway, or a test receiver on 127.0.0.1). */
  baseUrl: string;
  botTokenSet: boolean;
  /** The chat (a staff group) the bot posts staff rules to. */
  chatId: string;
}

export interface NotificationChannels {
  email: EmailChannelSettings | null;
  sms: WebhookChannelSettings | null;
  whatsapp: WebhookChannelSettings | null;
  telegram: WebhookChannelSettings | TelegramBotSettings | null;
}

export interface StaffRuleSettings {
  enabled: boolean;
  channels: StaffChannel[];
  /** `router-down`: how long a router stays down before staff are told. */
  afterSeconds?: number;
  /** `router-cpu-high`: the CPU load (percent) and for how long (minutes) it must last. */
  percent?: number;
  minutes?: number;
}

export interface CustomerMessageSettings {
  enabled: boolean;
  /** Text with `CUSTOMER_PLACEHOLDERS`, formatted in the tenant's locale, currency and time zone. */
  template: string;
  /** The subject line when sent by email (same placeholders). */
  subject: string;
  channels: CustomerChannel[];
}

export interface QuietHours {
  enabled: boolean;
  /** Local times `HH:MM` in the tenant's time zone; end before start spans midnight. */
  start: string;
  end: string;
}

export interface NotificationSettings {
  tenantId: number;
  channels: NotificationChannels;
  rules: Record<StaffRule, StaffRuleSettings>;
  customerMessages: Record<CustomerMessage, CustomerMessageSettings>;
  /** Customer messages due inside are held and sent when they end; staff in-app never held. */
  quietHours: QuietHours;
  /** Router state changes within this many seconds go out to staff as one grouped message. */
  groupSeconds: number;
  updatedAt: string | null;
}

// ── writes ────────────────────────────────────────────────────────────────────────────────

/**
 * A URL the console posts to. Checked again by the handler with `outboundUrlSchema`
 * (main/outbound/outbound-url.ts: HTTPS, or HTTP to loopback; no credentials in it), which is
 * core and so not importable here; its errors come back under the same field path.
 */
const url = z.string().trim().min(1, 'a full URL such as https://sms.example.com/send').max(2000, 'a URL has at most 2,000 characters');

/** A secret field on update: a new value, `null` to remove it, omitted to keep the sealed one. */
const secret = (what: string) => z.string().min(1, `enter the ${what}, or leave it out to keep the saved one`).max(1000).nullable().optional();

export const emailChannelInput = z
  .object({
    host: z.string().trim().min(1, 'the SMTP server, such as smtp.example.com').max(253),
    port: z.number().int().min(1).max(65_535, 'a port from 1 to 65535 (465 for TLS, 587 for STARTTLS)'),
    security: z.enum(['tls', 'starttls', 'none']).default('starttls'),
    user: z.string().trim().max(254).nullable().default(null),
    password: secret('SMTP password'),
    from: EMAIL,
    staffRecipients: z.array(EMAIL).max(50).default([]),
  })
  .strict();

export const webhookChannelInput = z
  .object({
    preset: z.literal('webhook'),
    url,
    /** A header without `value` keeps the value saved under its name. */
    headers: z.array(z.object({ name: HEADER_NAME, value: secret('header value') }).strict()).max(20).default([]),
    contentType: z.enum(['application/json', 'application/x-www-form-urlencoded']).default('application/json'),
    bodyTemplate: templateSchema(WEBHOOK_PLACEHOLDERS, 4000).refine((t) => t.includes('{{message}}'), 'the body needs {{message}}: the text to send'),
    staffRecipients: z.array(PHONE).max(50).default([]),
  })
  .strict();

export const telegramBotInput = z
  .object({
    preset: z.literal('telegram-bot'),
    baseUrl: url.default('https://api.telegram.org'),
    botToken: secret('bot token (from @BotFather, such as 123456:ABC-DEF…)'),
    chatId: z
      .string()
      .trim()
      .regex(/^(-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32})$/, 'a chat id such as -1001234567890 or a channel name such as @noc_alerts'),
  })
  .strict();

const minutesOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a local time such as 21:00');

export const staffRuleInput = z
  .object({
    enabled: z.boolean(),
    channels: z.array(z.enum(STAFF_CHANNELS)).max(STAFF_CHANNELS.length),
    afterSeconds: z.number().int().min(10, 'at least 10 seconds').max(86_400, 'at most a day (86400 s)').optional(),
    percent: z.number().int().min(50, 'from 50 to 100 %').max(100, 'from 50 to 100 %').optional(),
    minutes: z.number().int().min(1, 'from 1 to 120 minutes').max(120, 'from 1 to 120 minutes').optional(),
  })
  .strict();

export const customerMessageInput = z
  .object({
    enabled: z.boolean(),
    template: templateSchema(CUSTOMER_PLACEHOLDERS, 1000).refine((t) => t.trim() !== '', 'write the message'),
    subject: templateSchema(CUSTOMER_PLACEHOLDERS, 200).default(''),
    channels: z.array(z.enum(CUSTOMER_CHANNELS)).max(CUSTOMER_CHANNELS.length),
  })
  .strict();

/** Each section given replaces that section (a rule or message: that one); sections left out stay. */
export const notificationSettingsInput = z
  .object({
    tenantId: z.number().int().positive().optional(),
    channels: z
      .object({
        email: emailChannelInput.nullable().optional(),
        sms: webhookChannelInput.nullable().optional(),
        whatsapp: webhookChannelInput.nullable().optional(),
        telegram: z.discriminatedUnion('preset', [webhookChannelInput, telegramBotInput]).nullable().optional(),
      })
      .strict()
      .optional(),
    rules: z.partialRecord(z.enum(STAFF_RULES), staffRuleInput).optional(),
    customerMessages: z.partialRecord(z.enum(CUSTOMER_MESSAGE_KINDS), customerMessageInput).optional(),
    quietHours: z.object({ enabled: z.boolean(), start: minutesOfDay, end: minutesOfDay }).strict().optional(),
    groupSeconds: z.number().int().min(5, 'from 5 to 600 seconds').max(600, 'from 5 to 600 seconds').optional(),
  })
  .strict();
export type NotificationSettingsInput = z.output<typeof notificationSettingsInput>;
