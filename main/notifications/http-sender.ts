import { postJson, type PostOutcome } from '../outbound/post-json';
import { webhookBody } from './message-templates';
import type { OutboundMessage, SendOutcome } from './outbound-message';
import type { TelegramBotSettings, WebhookChannelSettings } from './settings-contract';

/** Statuses worth another attempt: the receiver was busy, timed out or failed inside. */
const TRANSIENT = new Set([408, 425, 429]);

function outcome(result: PostOutcome): SendOutcome {
  if (result.ok) return { ok: true, status: result.status };
  const permanent = result.status !== null && result.status >= 400 && result.status < 500 && !TRANSIENT.has(result.status);
  return { ok: false, status: result.status, error: permanent ? `${result.error}: check the channel's URL, headers and body template` : result.error, permanent };
}

/**
 * Posts one message to an SMS / WhatsApp / Telegram gateway: the channel's body template filled
 * for the recipient, its headers (values opened from the seal just for this request) and
 * `Idempotency-Key`, which stays the same for every attempt of the delivery. A gateway that
 * honours it (most SMS APIs do) drops the copy a crash between sending and recording can cause.
 */
export async function sendWebhook(channel: WebhookChannelSettings, headerValues: Record<string, string>, message: OutboundMessage, timeoutMs: number): Promise<SendOutcome> {
  const headers: Record<string, string> = {};
  for (const { name } of channel.headers) if (headerValues[name] !== undefined) headers[name] = headerValues[name];
  const body = webhookBody(channel, { phone: message.recipient, chatId: message.recipient, email: null, message: message.text, name: message.recipientName });
  return outcome(await postJson({ url: channel.url, headers: { ...headers, 'content-type': channel.contentType, 'idempotency-key': message.deliveryKey }, body, timeoutMs }));
}

/**
 * Posts one message through a Telegram bot (`sendMessage` to the chat). The token is part of the
 * URL, as Telegram wants it: outcomes name the host only, never the URL.
 */
export async function sendTelegram(bot: TelegramBotSettings, token: string | undefined, message: OutboundMessage, timeoutMs: number): Promise<SendOutcome> {
  if (!token) return { ok: false, status: null, error: 'the Telegram bot has no token: enter the token @BotFather gave you', permanent: true };
  const url = `${bot.baseUrl.replace(/\/+$/, '')}/bot${token}/sendMessage`;
  const body = JSON.stringify({ chat_id: message.recipient, text: message.text });
  return outcome(await postJson({ url, headers: { 'idempotency-key': message.deliveryKey }, body, timeoutMs }));
}
