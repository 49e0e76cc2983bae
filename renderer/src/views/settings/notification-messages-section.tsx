import { useId, useMemo } from 'react';
import { CUSTOMER_CHANNELS, CUSTOMER_MESSAGE_KINDS, CUSTOMER_PLACEHOLDERS, type NotificationChannels, type QuietHours } from '../../../../main/notifications/contract';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { Field, fieldAria } from '../plans/field';
import { ChannelChecks } from '../notifications/channel-checks';
import { exampleValues, previewMessage, type CustomerPlaceholder } from '../notifications/message-preview';
import { MESSAGES_FIELDS, messagesFieldKey, messagesFormOf, messagesInputOf, type MessageFormValues, type MessagesFormValues, type MessagesInput } from '../notifications/messages-form';
import { CUSTOMER_PLACEHOLDER_HELP, MESSAGE_TEXT, type CustomerMessageKind } from '../notifications/notification-labels';
import { useNotificationSettings } from '../notifications/notification-settings-live';
import { PlaceholderHelp } from '../notifications/placeholder-help';
import { SettingsFormFrame } from '../notifications/settings-form-frame';
import { SettingsGate } from '../notifications/settings-gate';
import type { SettingsForm } from '../notifications/use-settings-form';

type Errors = Partial<Record<string, string>>;

/**
 * Settings › Customer messages: the four messages subscribers get (payment received, expiry
 * reminder, expired, reconnected), each with its template, placeholders, a live preview in the
 * tenant's currency and time zone, and channels; and the quiet hours (tenant's time) during which
 * they wait. Admins edit; others read.
 */
export function NotificationMessagesSection() {
  const view = useNotificationSettings();
  return (
    <SettingsGate view={view} what="customer messages">
      {(settings) => (
        <SettingsFormFrame
          testId="notify-messages"
          legend="Messages to subscribers"
          settings={settings}
          tenantId={settings.tenantId}
          asSystemAdmin={view.isSystemAdmin}
          canEdit={view.canEdit}
          read={messagesFormOf}
          check={messagesInputOf}
          change={(input) => input as MessagesInput}
          prefix={[]}
          known={() => MESSAGES_FIELDS}
          keyOf={messagesFieldKey}
          saveLabel="Save customer messages"
          savedText="Saved: customer messages use these texts from now on."
          fields={(form, errors) => <MessagesFields form={form} errors={errors} setUp={settings.channels} />}
        />
      )}
    </SettingsGate>
  );
}

function MessagesFields({ form, errors, setUp }: { form: SettingsForm<MessagesFormValues>; errors: Errors; setUp: NotificationChannels }) {
  const tenant = useLocaleStore(localeSelectors.tenant);
  const sample = useMemo(() => exampleValues(tenant, Date.now()), [tenant]);
  const setMessage = (kind: CustomerMessageKind, change: Partial<MessageFormValues>) => form.edit((v) => ({ ...v, messages: { ...v.messages, [kind]: { ...v.messages[kind], ...change } } }));
  return (
    <>
      <PlaceholderHelp names={CUSTOMER_PLACEHOLDERS} help={CUSTOMER_PLACEHOLDER_HELP} note="The previews use example values; a fact the occasion lacks (a receipt on a reminder) is left empty when sent." />
      {CUSTOMER_MESSAGE_KINDS.map((kind) => (
        <MessageEditor key={kind} kind={kind} values={form.values.messages[kind]} errors={errors} sample={sample} setUp={setUp} onChange={(change) => setMessage(kind, change)} />
      ))}
      <QuietHoursFields values={form.values.quietHours} errors={errors} timeZone={tenant?.timeZone ?? null} onChange={(change) => form.edit((v) => ({ ...v, quietHours: { ...v.quietHours, ...change } }))} />
    </>
  );
}

interface MessageEditorProps {
  kind: CustomerMessageKind;
  values: MessageFormValues;
  errors: Errors;
  sample: Record<CustomerPlaceholder, string>;
  setUp: NotificationChannels;
  onChange: (change: Partial<MessageFormValues>) => void;
}

function MessageEditor({ kind, values, errors, sample, setUp, onChange }: MessageEditorProps) {
  const ids = useId();
  const text = MESSAGE_TEXT[kind];
  const t = (field: string) => `notify-message-${kind}-${field}`;
  return (
    <fieldset data-testid={`notify-message-${kind}`}>
      <legend>{text.label}</legend>
      <label className="form-check">
        <input type="checkbox" checked={values.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} data-testid={t('enabled')} />
        <span>Send it — {text.help.charAt(0).toLowerCase() + text.help.slice(1)}</span>
      </label>
      <div className="form-grid">
        <Field id={`${ids}-subject`} label="Email subject" error={errors[`${kind}.subject`]} testId={t('subject')} wide>
          <input {...fieldAria(`${ids}-subject`, errors[`${kind}.subject`])} value={values.subject} onChange={(e) => onChange({ subject: e.target.value })} data-testid={t('subject')} />
        </Field>
        <Field id={`${ids}-template`} label="Message" error={errors[`${kind}.template`]} testId={t('template')} wide>
          <textarea {...fieldAria(`${ids}-template`, errors[`${kind}.template`])} rows={2} value={values.template} onChange={(e) => onChange({ template: e.target.value })} data-testid={t('template')} />
        </Field>
        <div className="form-span">
          <span className="muted">Preview</span>
          <p className="message-preview" data-testid={t('preview')}>
            {previewMessage(values.template, sample)}
          </p>
        </div>
      </div>
      <ChannelChecks legend={`${text.label}: channels`} channels={CUSTOMER_CHANNELS} chosen={values.channels} onChange={(channels) => onChange({ channels })} setUp={setUp} error={errors[`${kind}.channels`]} testId={t('channels')} />
    </fieldset>
  );
}

function QuietHoursFields({ values, errors, timeZone, onChange }: { values: QuietHours; errors: Errors; timeZone: string | null; onChange: (change: Partial<QuietHours>) => void }) {
  const ids = useId();
  const zone = timeZone ?? 'the company’s time zone';
  return (
    <fieldset data-testid="notify-quiet-hours">
      <legend>Quiet hours</legend>
      <label className="form-check">
        <input type="checkbox" checked={values.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} data-testid="notify-quiet-enabled" />
        <span>Hold customer messages during these hours and send them when they end (staff alerts are never held)</span>
      </label>
      <div className="form-grid">
        <Field id={`${ids}-start`} label={`From (${zone})`} error={errors['quietHours.start']} testId="notify-quiet-start">
          <input {...fieldAria(`${ids}-start`, errors['quietHours.start'])} type="time" value={values.start} onChange={(e) => onChange({ start: e.target.value })} data-testid="notify-quiet-start" />
        </Field>
        <Field id={`${ids}-end`} label={`Until (${zone})`} error={errors['quietHours.end']} hint="Before the start: the hours span midnight." testId="notify-quiet-end">
          <input {...fieldAria(`${ids}-end`, errors['quietHours.end'], 'hint')} type="time" value={values.end} onChange={(e) => onChange({ end: e.target.value })} data-testid="notify-quiet-end" />
        </Field>
      </div>
    </fieldset>
  );
}
