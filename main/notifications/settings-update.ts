import type { z } from 'zod';
import { DomainError } from '../contract/errors';
import { outboundUrlSchema } from '../outbound/outbound-url';
import {
  CUSTOMER_MESSAGE_KINDS,
  STAFF_RULES,
  WEBHOOK_CHANNELS,
  type NotificationSettingsInput,
  type StaffRuleSettings,
  type webhookChannelInput,
  type WebhookChannel,
  type WebhookChannelSettings,
} from './settings-contract';
import type { NotificationSecrets, StoredSettings } from './stored-settings';

type Issue = { path: string[]; message: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);
/** A host name or an IP address: anything else would be looked up as a name and fail later, less clearly. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[?[0-9A-Fa-f:.]+\]?)$/;
const BOT_TOKEN = /^[0-9]{3,20}:[A-Za-z0-9_-]{10,100}$/;

/** A header value as the settings show it: its last four characters when it is long enough to spare them. */
export const maskedValue = (value: string) => (value.length >= 16 ? `•••${value.slice(-4)}` : '•••');

/** Rule parameters that belong to the rule (others are dropped, not stored). */
function ruleSettings(rule: string, input: StaffRuleSettings, before: StaffRuleSettings): StaffRuleSettings {
  const base = { enabled: input.enabled, channels: [...new Set(input.channels)] };
  if (rule === 'router-down') return { ...base, afterSeconds: input.afterSeconds ?? before.afterSeconds };
  if (rule === 'router-cpu-high') return { ...base, percent: input.percent ?? before.percent, minutes: input.minutes ?? before.minutes };
  return base;
}

function webhookChannel(name: WebhookChannel, input: z.output<typeof webhookChannelInput>, saved: Record<string, string>, issues: Issue[]) {
  const at = (...rest: Array<string | number>) => ['channels', name, ...rest.map(String)];
  const url = outboundUrlSchema.safeParse(input.url);
  if (!url.success) issues.push({ path: at('url'), message: url.error.issues[0]!.message });
  const values: Record<string, string> = {};
  const headers: WebhookChannelSettings['headers'] = [];
  input.headers.forEach((h, i) => {
    if (headers.some((x) => x.name.toLowerCase() === h.name.toLowerCase())) return issues.push({ path: at('headers', i, 'name'), message: `header ${h.name} is listed twice` });
    const value = typeof h.value === 'string' ? h.value : saved[h.name];
    if (value === undefined) return issues.push({ path: at('headers', i, 'value'), message: `enter the value of header ${h.name} (none is saved)` });
    values[h.name] = value;
    headers.push({ name: h.name, valueMasked: maskedValue(value) });
  });
  const settings: WebhookChannelSettings = { preset: 'webhook', url: input.url, headers, contentType: input.contentType, bodyTemplate: input.bodyTemplate, staffRecipients: input.staffRecipients };
  return { settings, values };
}

/**
 * The settings and secrets after an update: each section given replaces its section, secrets
 * left out keep their saved value. Checks what the contract's schema cannot (outbound URLs, a
 * plain SMTP server only on loopback, header values to keep, how channels fit the messages) and
 * refuses with every problem at once, by field, so a form can show each where it belongs.
 */
export function applySettingsUpdate(current: StoredSettings, currentSecrets: NotificationSecrets, input: NotificationSettingsInput): { settings: StoredSettings; secrets: NotificationSecrets; sections: string[] } {
  const issues: Issue[] = [];
  const settings: StoredSettings = structuredClone(current);
  const secrets: NotificationSecrets = structuredClone(currentSecrets);
  const sections: string[] = [];

  if (input.channels) {
    const { email } = input.channels;
    if (email !== undefined) {
      sections.push('channels.email');
      if (email === null) {
        settings.channels.email = null;
        delete secrets.emailPassword;
      } else {
        if (!HOST.test(email.host)) issues.push({ path: ['channels', 'email', 'host'], message: 'a host name such as smtp.example.com, or an IP address' });
        if (email.security === 'none' && !LOOPBACK.has(email.host.toLowerCase())) issues.push({ path: ['channels', 'email', 'security'], message: 'use TLS or STARTTLS: a plain connection only to 127.0.0.1 or localhost (the password would cross the network readable)' });
        if (email.password === null) delete secrets.emailPassword;
        else if (email.password !== undefined) secrets.emailPassword = email.password;
        settings.channels.email = { host: email.host, port: email.port, security: email.security, user: email.user || null, passwordSet: secrets.emailPassword !== undefined, from: email.from, staffRecipients: email.staffRecipients };
      }
    }
    for (const name of WEBHOOK_CHANNELS) {
      const given = input.channels[name];
      if (given === undefined) continue;
      sections.push(`channels.${name}`);
      const headers = { ...secrets.headers };
      delete headers[name];
      if (given === null) {
        settings.channels[name] = null;
        if (name === 'telegram') delete secrets.telegramBotToken;
      } else if (given.preset === 'webhook') {
        const made = webhookChannel(name, given, secrets.headers?.[name] ?? {}, issues);
        settings.channels[name] = made.settings;
        if (Object.keys(made.values).length > 0) headers[name] = made.values;
        if (name === 'telegram') delete secrets.telegramBotToken;
      } else {
        const telegram = given;
        const base = outboundUrlSchema.safeParse(telegram.baseUrl);
        if (!base.success) issues.push({ path: ['channels', 'telegram', 'baseUrl'], message: base.error.issues[0]!.message });
        if (typeof telegram.botToken === 'string' && !BOT_TOKEN.test(telegram.botToken)) issues.push({ path: ['channels', 'telegram', 'botToken'], message: 'a bot token as @BotFather gives it, such as 123456789:AAH…' });
        if (telegram.botToken === null) delete secrets.telegramBotToken;
        else if (telegram.botToken !== undefined) secrets.telegramBotToken = telegram.botToken;
        settings.channels.telegram = { preset: 'telegram-bot', baseUrl: telegram.baseUrl, botTokenSet: secrets.telegramBotToken !== undefined, chatId: telegram.chatId };
      }
      secrets.headers = headers;
    }
  }
  if (input.rules) {
    sections.push('rules');
    for (const rule of STAFF_RULES) {
      const given = input.rules[rule];
      if (given) settings.rules[rule] = ruleSettings(rule, given, current.rules[rule]);
    }
  }
  if (input.customerMessages) {
    sections.push('customerMessages');
    for (const message of CUSTOMER_MESSAGE_KINDS) {
      const given = input.customerMessages[message];
      if (given) settings.customerMessages[message] = { ...given, channels: [...new Set(given.channels)] };
    }
  }
  // Checked on the result: a channel changed to a bot must not leave customer messages on it.
  if (settings.channels.telegram?.preset === 'telegram-bot') {
    for (const message of CUSTOMER_MESSAGE_KINDS) {
      if (settings.customerMessages[message].channels.includes('telegram')) {
        issues.push({ path: ['customerMessages', message, 'channels'], message: 'a Telegram bot posts to its staff chat and cannot reach customers: choose SMS, WhatsApp or email, or a Telegram gateway (webhook)' });
      }
    }
  }
  if (input.quietHours) {
    sections.push('quietHours');
    if (input.quietHours.enabled && input.quietHours.start === input.quietHours.end) issues.push({ path: ['quietHours', 'end'], message: 'quiet hours end when they start: choose an end time after the start (e.g. 21:00 to 07:00)' });
    settings.quietHours = input.quietHours;
  }
  if (input.groupSeconds !== undefined) {
    sections.push('groupSeconds');
    settings.groupSeconds = input.groupSeconds;
  }
  if (secrets.headers && Object.keys(secrets.headers).length === 0) delete secrets.headers;
  if (issues.length > 0) {
    throw new DomainError('invalid_input', `the notification settings were not saved: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, issues);
  }
  return { settings, secrets, sections };
}
