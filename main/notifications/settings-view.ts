import { maskEmail, maskEmailsIn, maskIdentifier } from '../events/mask';
import type { NotificationSettings } from './settings-contract';
import type { StoredSettings } from './stored-settings';

/** Only the scheme and host of a gateway URL: its path or query may hold a key. */
const originOf = (url: string) => (URL.canParse(url) ? `${new URL(url).origin}/…` : '…');

/**
 * The settings as a reader sees them. Secrets are never in them (only whether one is set, or a
 * header value's last characters). Admins see them whole; other staff, who only read them, see
 * staff recipients masked and gateways by origin.
 */
export function settingsView(tenantId: number, stored: StoredSettings, updatedAt: number | null, whole: boolean): NotificationSettings {
  const view: NotificationSettings = { tenantId, ...structuredClone(stored), updatedAt: updatedAt === null ? null : new Date(updatedAt).toISOString() };
  if (whole) return view;
  const { email, sms, whatsapp, telegram } = view.channels;
  if (email) Object.assign(email, { user: email.user === null ? null : maskEmailsIn(email.user), staffRecipients: email.staffRecipients.map((r) => maskEmail(r)!) });
  for (const hook of [sms, whatsapp, telegram]) {
    if (hook?.preset === 'webhook') Object.assign(hook, { url: originOf(hook.url), staffRecipients: hook.staffRecipients.map(maskIdentifier) });
  }
  return view;
}
