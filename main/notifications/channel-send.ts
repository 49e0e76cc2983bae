import { sendEmail } from './email-sender';
import { sendTelegram, sendWebhook } from './http-sender';
import type { OutboundMessage, SendOutcome } from './outbound-message';
import type { ExternalChannel } from './settings-contract';
import type { NotificationSecrets, StoredSettings } from './stored-settings';

/** How long one attempt may take (connect + answer): within the notifications queue's 60 s. */
export const SEND_TIMEOUT_MS = 15_000;

/** Sends one message on a channel with the tenant's saved settings; never throws. */
export async function sendOnChannel(channel: ExternalChannel, settings: StoredSettings, secrets: NotificationSecrets, message: OutboundMessage, timeoutMs = SEND_TIMEOUT_MS): Promise<SendOutcome> {
  const notSet = (what: string): SendOutcome => ({ ok: false, status: null, error: `${what} is not set up: configure it in Settings → Notifications`, permanent: true });
  try {
    if (channel === 'email') {
      const email = settings.channels.email;
      return email ? await sendEmail(email, secrets.emailPassword, message, timeoutMs) : notSet('email');
    }
    const hook = settings.channels[channel];
    if (!hook) return notSet(channel === 'sms' ? 'SMS' : channel === 'whatsapp' ? 'WhatsApp' : 'Telegram');
    if (hook.preset === 'telegram-bot') return await sendTelegram(hook, secrets.telegramBotToken, message, timeoutMs);
    return await sendWebhook(hook, secrets.headers?.[channel as 'sms'] ?? {}, message, timeoutMs);
  } catch (error) {
    // The senders answer with outcomes; this is a bug's last line, kept as a failed attempt.
    return { ok: false, status: null, error: `sending failed inside the console: ${(error as Error).message}`, permanent: false };
  }
}

/**
 * Where staff rules go on a channel: the staff addresses (email), phone numbers (webhooks) or the
 * bot's chat (Telegram bot). Empty when the channel is not configured.
 */
export function staffRecipients(channel: ExternalChannel, settings: StoredSettings): string[] {
  if (channel === 'email') return settings.channels.email?.staffRecipients ?? [];
  const hook = settings.channels[channel];
  if (!hook) return [];
  return hook.preset === 'telegram-bot' ? [hook.chatId] : hook.staffRecipients;
}
