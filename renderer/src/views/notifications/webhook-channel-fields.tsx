import { useId } from 'react';
import { WEBHOOK_PLACEHOLDERS, type WebhookChannel } from '../../../../main/notifications/contract';
import { Field, fieldAria } from '../plans/field';
import { WEBHOOK_PLACEHOLDER_HELP } from './notification-labels';
import { PlaceholderHelp } from './placeholder-help';
import { SecretInput } from './secret-input';
import type { SettingsForm } from './use-settings-form';
import { BODY_EXAMPLES, headerRow, type HeaderRow, type WebhookFormValues } from './webhook-form';

export interface WebhookChannelFieldsProps {
  channel: WebhookChannel;
  form: SettingsForm<WebhookFormValues>;
  errors: Partial<Record<string, string>>;
}

/**
 * A gateway's HTTPS webhook (URL, headers with write-only values, body template with placeholders,
 * staff phone numbers); for Telegram also the bot preset (token write-only, the staff chat).
 */
export function WebhookChannelFields({ channel, form, errors }: WebhookChannelFieldsProps) {
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;
  const t = (field: string) => `notify-${channel}-${field}`;
  const { values, edit } = form;
  const set = (change: Partial<WebhookFormValues>) => edit((v) => ({ ...v, ...change }));
  const setHeader = (index: number, change: Partial<HeaderRow>) => set({ headers: values.headers.map((h, i) => (i === index ? { ...h, ...change } : h)) });

  return (
    <div className="form-grid">
      {channel === 'telegram' && (
        <Field id={id('preset')} label="Kind" testId={t('preset')} wide>
          <select id={id('preset')} value={values.preset} onChange={(e) => set({ preset: e.target.value as WebhookFormValues['preset'] })} data-testid={t('preset')}>
            <option value="telegram-bot">Telegram bot (staff group chat)</option>
            <option value="webhook">HTTPS webhook (a gateway of yours)</option>
          </select>
        </Field>
      )}
      {values.preset === 'telegram-bot' ? (
        <>
          <SecretInput id={id('token')} label="Bot token" secret={values.botToken} onChange={(botToken) => set({ botToken })} error={errors.botToken} testId={t('bot-token')} />
          <Field id={id('chat')} label="Staff chat id" error={errors.chatId} hint="-1001234567890, or @channel_name" testId={t('chat-id')}>
            <input {...fieldAria(id('chat'), errors.chatId, 'hint')} value={values.chatId} onChange={(e) => set({ chatId: e.target.value })} data-testid={t('chat-id')} />
          </Field>
          <Field id={id('base')} label="Bot API address" error={errors.baseUrl} hint="https://api.telegram.org unless you run a local Bot API server" testId={t('base-url')} wide>
            <input {...fieldAria(id('base'), errors.baseUrl, 'hint')} value={values.baseUrl} onChange={(e) => set({ baseUrl: e.target.value })} data-testid={t('base-url')} />
          </Field>
        </>
      ) : (
        <>
          <Field id={id('url')} label="Gateway URL (https://)" error={errors.url} testId={t('url')} wide>
            <input {...fieldAria(id('url'), errors.url)} value={values.url} placeholder="https://sms.example.com/send" onChange={(e) => set({ url: e.target.value })} data-testid={t('url')} />
          </Field>
          <fieldset className="form-span header-rows" data-testid={t('headers')}>
            <legend>Headers (values are kept sealed and never shown)</legend>
            {values.headers.map((h, i) => (
              <div className="header-row" key={h.key}>
                <Field id={id(`h${h.key}-name`)} label={`Header ${i + 1} name`} error={errors[`headers.${i}.name`]} testId={t(`header-${i}-name`)}>
                  <input {...fieldAria(id(`h${h.key}-name`), errors[`headers.${i}.name`])} value={h.name} placeholder="Authorization" onChange={(e) => setHeader(i, { name: e.target.value })} data-testid={t(`header-${i}-name`)} />
                </Field>
                <SecretInput id={id(`h${h.key}-value`)} label={`Header ${i + 1} value`} secret={h.value} masked={h.valueMasked} onChange={(value) => setHeader(i, { value })} error={errors[`headers.${i}.value`]} testId={t(`header-${i}-value`)} />
                <button type="button" className="small" onClick={() => set({ headers: values.headers.filter((_, j) => j !== i) })} data-testid={t(`header-${i}-remove`)}>
                  Remove<span className="visually-hidden"> header {i + 1}</span>
                </button>
              </div>
            ))}
            {errors.headers && <span className="field-error">{errors.headers}</span>}
            <p>
              <button type="button" className="small" onClick={() => set({ headers: [...values.headers, headerRow()] })} data-testid={t('header-add')}>
                Add header
              </button>
            </p>
          </fieldset>
          <Field id={id('type')} label="Body format" testId={t('content-type')}>
            <select id={id('type')} value={values.contentType} onChange={(e) => set({ contentType: e.target.value as WebhookFormValues['contentType'] })} data-testid={t('content-type')}>
              <option value="application/json">JSON</option>
              <option value="application/x-www-form-urlencoded">Form (URL-encoded)</option>
            </select>
          </Field>
          <Field id={id('body')} label="Body template" error={errors.bodyTemplate} testId={t('body')} wide>
            <textarea {...fieldAria(id('body'), errors.bodyTemplate)} rows={3} value={values.bodyTemplate} placeholder={BODY_EXAMPLES[channel]} onChange={(e) => set({ bodyTemplate: e.target.value })} data-testid={t('body')} />
          </Field>
          <PlaceholderHelp names={WEBHOOK_PLACEHOLDERS} help={WEBHOOK_PLACEHOLDER_HELP} note="Each value is escaped for the body format." />
          <Field id={id('staff')} label="Staff phone numbers for staff alerts (one a line)" error={errors.staffRecipients} testId={t('staff')} wide>
            <textarea {...fieldAria(id('staff'), errors.staffRecipients)} rows={2} value={values.staffRecipients} placeholder="+254712345678" onChange={(e) => set({ staffRecipients: e.target.value })} data-testid={t('staff')} />
          </Field>
        </>
      )}
    </div>
  );
}
