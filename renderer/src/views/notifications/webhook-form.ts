import type { z } from 'zod';
import { telegramBotInput, webhookChannelInput, type TelegramBotSettings, type WebhookChannel, type WebhookChannelSettings } from '../../../../main/notifications/contract';
import { fieldsOfIssues } from '../../components/issue-fields';
import { listOf, noSecret, secretChange, type SecretValues } from './secret-field';
import { segments, type FieldKeyOf } from './settings-errors';

export type WebhookPreset = 'webhook' | 'telegram-bot';
export type WebhookFieldErrors = Partial<Record<string, string>>;

export interface HeaderRow {
  /** React's key: rows are added and removed. */
  key: number;
  name: string;
  /** The name the value is saved under (null: a new header, whose value must be entered). */
  savedName: string | null;
  /** The saved value as the backend masks it (`•••2f9a`). */
  valueMasked: string | null;
  value: SecretValues;
}

export interface WebhookFormValues {
  preset: WebhookPreset;
  url: string;
  headers: HeaderRow[];
  contentType: WebhookChannelSettings['contentType'];
  bodyTemplate: string;
  staffRecipients: string;
  /** Telegram bot preset. */
  baseUrl: string;
  botToken: SecretValues;
  chatId: string;
}

/** A body most gateways of the kind take as a start; the admin adapts it to theirs. */
export const BODY_EXAMPLES: Record<WebhookChannel, string> = {
  sms: '{"to": "{{phone}}", "message": "{{message}}"}',
  whatsapp: '{"to": "{{phone}}", "type": "text", "text": {"body": "{{message}}"}}',
  telegram: '{"chat_id": "{{chatId}}", "text": "{{message}}"}',
};

export const TELEGRAM_API = 'https://api.telegram.org';

let nextKey = 1;
export const headerRow = (name = '', saved?: { valueMasked: string }): HeaderRow => ({
  key: nextKey++,
  name,
  savedName: saved ? name : null,
  valueMasked: saved?.valueMasked ?? null,
  value: noSecret(saved !== undefined),
});

/** The form of the saved channel, or a blank one: Telegram starts as the bot preset, the others as a webhook with an example body. */
export function webhookFormOf(channel: WebhookChannel, saved: WebhookChannelSettings | TelegramBotSettings | null): WebhookFormValues {
  const hook = saved?.preset === 'webhook' ? saved : null;
  const bot = saved?.preset === 'telegram-bot' ? saved : null;
  return {
    preset: bot || (saved === null && channel === 'telegram') ? 'telegram-bot' : 'webhook',
    url: hook?.url ?? '',
    headers: (hook?.headers ?? []).map((h) => headerRow(h.name, { valueMasked: h.valueMasked })),
    contentType: hook?.contentType ?? 'application/json',
    bodyTemplate: hook?.bodyTemplate ?? BODY_EXAMPLES[channel],
    staffRecipients: (hook?.staffRecipients ?? []).join('\n'),
    baseUrl: bot?.baseUrl ?? TELEGRAM_API,
    botToken: noSecret(bot?.botTokenSet ?? false),
    chatId: bot?.chatId ?? '',
  };
}

/** Header problems sit under `headers.{row}.name` / `.value`; anything else under its field. */
export const webhookFieldKey: FieldKeyOf = (rest) => (rest[0] === 'headers' && rest.length > 1 ? segments(3)(rest) : String(rest[0] ?? ''));

export function webhookFields(values: Pick<WebhookFormValues, 'headers'>): ReadonlySet<string> {
  const rows = values.headers.flatMap((_, i) => [`headers.${i}.name`, `headers.${i}.value`]);
  return new Set(['url', 'headers', 'contentType', 'bodyTemplate', 'staffRecipients', 'baseUrl', 'botToken', 'chatId', ...rows]);
}

export type WebhookChannelInput = z.input<typeof webhookChannelInput> | z.input<typeof telegramBotInput>;

/**
 * The form as the channel's part of `notifications.updateSettings`, checked with the contract's
 * schema, or every problem at once. A saved header keeps its sealed value unless replaced; a new
 * or renamed one needs its value, since the backend keeps values by name.
 */
export function webhookInputOf(values: WebhookFormValues): { ok: true; input: WebhookChannelInput } | { ok: false; errors: WebhookFieldErrors } {
  const own: WebhookFieldErrors = {};
  let input: WebhookChannelInput;
  let issues: readonly { path: PropertyKey[]; message: string }[];
  if (values.preset === 'telegram-bot') {
    input = { preset: 'telegram-bot', baseUrl: values.baseUrl.trim(), chatId: values.chatId.trim(), ...secretChange('botToken', { ...values.botToken, remove: false }) };
    if (!values.botToken.set && values.botToken.replacement === '') own.botToken = 'enter the bot token from @BotFather, such as 123456:ABC-DEF…';
    issues = telegramBotInput.safeParse(input).error?.issues ?? [];
  } else {
    input = {
      preset: 'webhook',
      url: values.url.trim(),
      headers: values.headers.map((h) => ({ name: h.name.trim(), ...secretChange('value', { ...h.value, remove: false }) })),
      contentType: values.contentType,
      bodyTemplate: values.bodyTemplate,
      staffRecipients: listOf(values.staffRecipients),
    };
    values.headers.forEach((h, i) => {
      if (h.value.replacement === '' && (h.savedName === null || h.savedName !== h.name.trim())) own[`headers.${i}.value`] = 'enter the value: a new or renamed header has none saved';
    });
    issues = webhookChannelInput.safeParse(input).error?.issues ?? [];
  }
  const errors = { ...fieldsOfIssues(issues.map((i) => ({ path: [webhookFieldKey(i.path)], message: i.message })), webhookFields(values)), ...own };
  return Object.keys(errors).length === 0 ? { ok: true, input } : { ok: false, errors };
}
