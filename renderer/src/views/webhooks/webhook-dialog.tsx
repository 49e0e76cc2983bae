import { useId, useMemo, useRef, useState } from 'react';
import type { WebhookEventName, WebhookSubscriptionSummary } from '../../../../main/webhooks/contract';
import { PAUSE_AFTER_RANGE } from '../../../../main/webhooks/contract';
import { fieldsOfIssues } from '../../components/issue-fields';
import { SubmitButton } from '../../components/submit-button';
import { Field, fieldAria } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { emptyWebhookForm, WEBHOOK_FIELDS, webhookEventGroups, webhookFormOf, webhookInputOf, type WebhookField, type WebhookFieldErrors, type WebhookFormValues } from './webhook-form';
import { createWebhook, updateWebhook } from './webhooks-live';
import './webhooks.css';

export interface WebhookDialogProps {
  /** The subscription to edit; absent: a new one. */
  editing?: WebhookSubscriptionSummary;
  onClose: () => void;
  /** A new subscription's secret, to be shown once. */
  onCreated: (subscription: WebhookSubscriptionSummary, secret: string) => void;
}

/** Add or edit an event webhook: the receiver's URL, the events it gets (grouped by topic), when it pauses. */
export function WebhookDialog({ editing, onClose, onCreated }: WebhookDialogProps) {
  const [values, setValues] = useState<WebhookFormValues>(() => (editing ? webhookFormOf(editing) : emptyWebhookForm()));
  const [errors, setErrors] = useState<WebhookFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;
  const groups = useMemo(webhookEventGroups, []);

  const update = (next: Partial<WebhookFormValues>, field: WebhookField) => {
    setValues((v) => ({ ...v, ...next }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const toggle = (name: WebhookEventName, on: boolean) => {
    const events = new Set(values.events);
    if (on) events.add(name);
    else events.delete(name);
    update({ events }, 'events');
  };

  const submit = async () => {
    const parsed = webhookInputOf(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    setFormError(null);
    let result;
    if (editing) result = await updateWebhook(editing.id, parsed.input);
    else {
      result = await createWebhook(parsed.input);
      if (result.ok) onCreated(result.data, result.data.secret);
    }
    setSaving(false);
    if (result.ok) {
      onClose();
      return;
    }
    const fields = result.error.code === 'invalid_input' && Array.isArray(result.error.details) ? fieldsOfIssues<WebhookField>(result.error.details, WEBHOOK_FIELDS) : {};
    if (Object.keys(fields).length > 0) setErrors(fields);
    else setFormError(result.error.message);
  };

  return (
    <ModalForm
      title={editing ? 'Edit event webhook' : 'Add event webhook'}
      testId="webhook-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={urlRef}
      formError={formError}
      actions={
        <SubmitButton busy={saving} className="primary" data-testid="webhook-form-submit">
          {saving ? 'Saving…' : editing ? 'Save' : 'Add webhook'}
        </SubmitButton>
      }
    >
      <div className="form-grid">
        <Field id={id('url')} label="Receiver URL" error={errors.url} hint="https://…, or http:// to 127.0.0.1 or localhost" testId="webhook-field-url" wide>
          <input {...fieldAria(id('url'), errors.url, 'hint')} ref={urlRef} inputMode="url" autoComplete="off" spellCheck={false} data-testid="webhook-field-url" value={values.url} onChange={(e) => update({ url: e.target.value }, 'url')} />
        </Field>
        <Field id={id('description')} label="Description" error={errors.description} hint="What receives it, e.g. Billing system" testId="webhook-field-description">
          <input {...fieldAria(id('description'), errors.description, 'hint')} data-testid="webhook-field-description" value={values.description} onChange={(e) => update({ description: e.target.value }, 'description')} />
        </Field>
        <Field id={id('pauseAfter')} label="Pause after failures in a row" error={errors.pauseAfter} hint={`${PAUSE_AFTER_RANGE.min} to ${PAUSE_AFTER_RANGE.max} failed attempts`} testId="webhook-field-pause-after">
          <input {...fieldAria(id('pauseAfter'), errors.pauseAfter, 'hint')} inputMode="numeric" data-testid="webhook-field-pause-after" value={values.pauseAfter} onChange={(e) => update({ pauseAfter: e.target.value }, 'pauseAfter')} />
        </Field>
        <fieldset className={`form-field form-span webhook-events${errors.events ? ' has-error' : ''}`} aria-describedby={errors.events ? `${id('events')}-message` : undefined} data-testid="webhook-field-events">
          <legend>Events to send</legend>
          {groups.map((group) => (
            <fieldset key={group.topic} className="webhook-event-group" data-testid={`webhook-events-${group.topic}`}>
              <legend>{group.label}</legend>
              {group.events.map((event) => (
                <label key={event.name} className="check webhook-event">
                  <input type="checkbox" checked={values.events.has(event.name)} onChange={(e) => toggle(event.name, e.target.checked)} data-testid={`webhook-event-${event.name}`} />
                  <span>
                    <span className="mono">{event.name}</span> <span className="muted">{event.summary}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          {errors.events && (
            <span className="field-error" id={`${id('events')}-message`} role="alert" data-testid="webhook-field-events-error">
              {errors.events}
            </span>
          )}
        </fieldset>
        <label className="form-field form-check form-span">
          <input type="checkbox" checked={values.enabled} onChange={(e) => update({ enabled: e.target.checked }, 'url')} data-testid="webhook-field-enabled" />
          On: send these events (off keeps the webhook but sends nothing)
        </label>
      </div>
    </ModalForm>
  );
}
