import { WEBHOOK_CHANNELS, type WebhookChannel } from '../../../../main/notifications/contract';
import { ChannelCard } from '../notifications/channel-card';
import { EMAIL_FIELDS, emailFormOf, emailInputOf } from '../notifications/email-form';
import { EmailChannelFields } from '../notifications/email-channel-fields';
import { useNotificationSettings } from '../notifications/notification-settings-live';
import { SettingsGate } from '../notifications/settings-gate';
import { WebhookChannelFields } from '../notifications/webhook-channel-fields';
import { webhookFieldKey, webhookFields, webhookFormOf, webhookInputOf } from '../notifications/webhook-form';

const WEBHOOK_TEXT: Record<WebhookChannel, string> = {
  sms: 'An SMS gateway’s HTTPS endpoint: each message is one POST of the body below.',
  whatsapp: 'A WhatsApp Business gateway’s HTTPS endpoint: each message is one POST of the body below.',
  telegram: 'Staff alerts to a Telegram group through a bot (the preset), or messages through a gateway of yours over an HTTPS webhook.',
};

/**
 * Settings › Notification channels: how the console reaches people outside it (SMTP email; SMS,
 * WhatsApp and Telegram webhooks). Tenant admins edit and test; others read what the backend
 * shows them (recipients masked). Secrets are write-only.
 */
export function NotificationChannelsSection() {
  const view = useNotificationSettings();
  return (
    <SettingsGate view={view} what="notification channels">
      {(settings) => {
        const common = { settings, tenantId: settings.tenantId, asSystemAdmin: view.isSystemAdmin, canEdit: view.canEdit };
        return (
          <>
            {!view.canEdit && <p className="muted">Only the company’s admins change these; you see them as saved.</p>}
            <ChannelCard
              {...common}
              channel="email"
              description="Email over SMTP, for staff alerts and customer messages to subscribers with an address."
              read={(s) => emailFormOf(s.channels.email)}
              check={emailInputOf}
              known={() => EMAIL_FIELDS}
              fields={(form, errors) => <EmailChannelFields form={form} errors={errors} />}
            />
            {WEBHOOK_CHANNELS.map((channel) => (
              <ChannelCard
                {...common}
                key={channel}
                channel={channel}
                description={WEBHOOK_TEXT[channel]}
                read={(s) => webhookFormOf(channel, s.channels[channel])}
                check={webhookInputOf}
                known={webhookFields}
                keyOf={webhookFieldKey}
                fields={(form, errors) => <WebhookChannelFields channel={channel} form={form} errors={errors} />}
              />
            ))}
          </>
        );
      }}
    </SettingsGate>
  );
}
