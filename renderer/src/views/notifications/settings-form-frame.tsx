import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { InvokeInput } from '../../../../main/contract';
import type { NotificationSettings } from '../../../../main/notifications/contract';
import { SubmitButton } from '../../components/submit-button';
import { saveNotificationSettings } from './notification-settings-live';
import { formErrors, type FieldKeyOf } from './settings-errors';
import { useSettingsForm, type SettingsForm } from './use-settings-form';

type FieldErrors = Partial<Record<string, string>>;
export type SettingsChange = Omit<InvokeInput<'notifications.updateSettings'>, 'tenantId'>;

export interface FrameActions<V> {
  form: SettingsForm<V>;
  busy: boolean;
  /** Saves a change outside the form's own (a channel's removal), with the same outcome handling. */
  save: (change: SettingsChange, done: string) => Promise<void>;
}

export interface SettingsFormFrameProps<V> {
  testId: string;
  legend: ReactNode;
  settings: NotificationSettings;
  tenantId: number;
  asSystemAdmin: boolean;
  canEdit: boolean;
  read: (settings: NotificationSettings) => V;
  check: (values: V) => { ok: true; input: unknown } | { ok: false; errors: FieldErrors };
  /** The form's part of the settings as the update takes it. */
  change: (input: unknown) => SettingsChange;
  /** Where the backend's issues of this form sit (`['channels', 'email']`), and how they name fields. */
  prefix: readonly PropertyKey[];
  known: (values: V) => ReadonlySet<string>;
  keyOf?: FieldKeyOf | undefined;
  saveLabel: string;
  savedText: string;
  fields: (form: SettingsForm<V>, errors: FieldErrors) => ReactNode;
  /** More buttons after Save (admins), and what follows the form. */
  actions?: (frame: FrameActions<V>) => ReactNode;
  after?: (frame: FrameActions<V>) => ReactNode;
}

/**
 * One form of the notification settings: checked here with the contract's schemas, saved as its
 * part of `notifications.updateSettings`, refusals under their fields (or above the form), and
 * read-only (a disabled fieldset) for those who may not change it. Follows other desks' saves.
 */
export function SettingsFormFrame<V>(props: SettingsFormFrameProps<V>) {
  const { settings, tenantId, asSystemAdmin, canEdit, testId } = props;
  const form = useSettingsForm(() => props.read(settings), settings.updatedAt);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const legendId = useId();

  const save = async (change: SettingsChange, text: string) => {
    setBusy(true);
    setDone(null);
    setFormError(null);
    const result = await saveNotificationSettings(tenantId, asSystemAdmin, change);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      form.saved(result.data.updatedAt, props.read(result.data));
      setDone(text);
      return;
    }
    const split = formErrors(result.error, props.prefix, props.known(form.values), props.keyOf);
    setErrors(split.fields);
    setFormError(split.form);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = props.check(form.values);
    setDone(null);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('Some fields need a change: see the messages under them.');
      return;
    }
    void save(props.change(checked.input), props.savedText);
  };
  const frame: FrameActions<V> = { form, busy, save };

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-labelledby={legendId} data-testid={testId}>
      <fieldset disabled={!canEdit}>
        <legend id={legendId}>{props.legend}</legend>
        {props.fields(form, errors)}
      </fieldset>
      {form.changedElsewhere && (
        <p className="notice" role="status" data-testid={`${testId}-changed`}>
          Another admin saved these settings meanwhile: saving replaces theirs with yours.{' '}
          <button type="button" className="small" onClick={form.discard}>
            Show theirs
          </button>
        </p>
      )}
      {formError && (
        <p className="error" role="alert" data-testid={`${testId}-error`}>
          {formError}
        </p>
      )}
      {done && (
        <p className="accepted" role="status" data-testid={`${testId}-saved`}>
          {done}
        </p>
      )}
      {canEdit && (
        <div className="form-actions">
          <SubmitButton busy={busy} className="primary" data-testid={`${testId}-save`}>
            {busy ? 'Saving…' : props.saveLabel}
          </SubmitButton>
          {props.actions?.(frame)}
        </div>
      )}
      {props.after?.(frame)}
    </form>
  );
}
