import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { REMINDER_HOUR, type ExpirySettings } from '../../../../main/subscriptions/contract';
import { api } from '../../bridge/api';
import { SubmitButton } from '../../components/submit-button';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { fieldAria } from '../plans/field';
import { SectionPending } from './section-pending';
import { amountKey, boundsText, describeRow, LIST_KEY, MAX_REMINDERS, offsetsOf, REMINDER_UNITS, reminderErrors, reminderRow, rowsOf, type ReminderErrors, type ReminderRow, type ReminderUnit } from './expiry-reminders-form';
import '../../styles/notifications.css';
import '../../styles/expiry-reminders.css';

/**
 * Settings › Expiry reminders: how long before a subscription ends its customer is reminded (the
 * Expiry reminder of Customer messages). Tenant admins edit; operators and viewers read; system
 * admins see the tenant chosen under Company. Fetched once per tenant: no event says they changed.
 */
export function ExpiryRemindersSection() {
  const { tenantId, isSystemAdmin } = useViewTenant();
  const canEdit = useSessionStore(sessionSelectors.canAdminister);
  const [settings, setSettings] = useState<ExpirySettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    setSettings(null);
    setLoadError(null);
    if (tenantId === null) return undefined;
    let active = true;
    void api.invoke('subscriptions.settings', isSystemAdmin ? { tenantId } : {}).then((result) => {
      if (!active) return;
      if (result.ok) setSettings(result.data);
      else setLoadError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, [tenantId, isSystemAdmin]);

  if (tenantId === null) {
    return (
      <p className="muted" data-testid="expiry-reminders-choose-tenant">
        Choose a tenant (Company, above) to see its expiry reminders.
      </p>
    );
  }
  if (settings?.tenantId !== tenantId) return <SectionPending error={loadError} />;
  return <RemindersForm key={tenantId} initial={settings} canEdit={canEdit} scope={isSystemAdmin ? { tenantId } : {}} />;
}

interface RemindersFormProps {
  initial: ExpirySettings;
  canEdit: boolean;
  /** What names the tenant in the update: a system admin's choice, nothing for the tenant's own staff. */
  scope: { tenantId?: number };
}

function RemindersForm({ initial, canEdit, scope }: RemindersFormProps) {
  const ids = useId();
  const [rows, setRows] = useState(() => rowsOf(initial.reminderOffsets));
  const [errors, setErrors] = useState<ReminderErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAdd = useRef(false);
  const tenant = useLocaleStore(localeSelectors.tenant);
  const zone = tenant?.tenantId === initial.tenantId ? tenant.timeZone : 'the company’s time zone';

  // Adding or removing a row moves the others' indexes: their old messages would sit under the wrong row.
  const reshape = (next: ReminderRow[]) => {
    setRows(next);
    setErrors({});
    setDone(null);
  };
  const change = (index: number, edit: Partial<ReminderRow>) => {
    setRows((current) => current.map((r, i) => (i === index ? { ...r, ...edit } : r)));
    setErrors((e) => ({ ...e, [amountKey(index)]: undefined, [LIST_KEY]: undefined }));
    setDone(null);
  };
  const add = () => {
    const row = reminderRow();
    setFocusKey(row.key);
    reshape([...rows, row]);
  };
  const remove = (index: number) => {
    focusAdd.current = true;
    reshape(rows.filter((_, i) => i !== index));
  };
  // The removed row's button took the focus with it: give it to Add (shown again once below five).
  useEffect(() => {
    if (!focusAdd.current) return;
    focusAdd.current = false;
    addButton.current?.focus();
  }, [rows]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setFormError(null);
    const checked = offsetsOf(rows);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('Some reminders need a change: see the messages under them.');
      return;
    }
    setBusy(true);
    const result = await api.invoke('subscriptions.updateSettings', { ...scope, reminderOffsets: checked.offsets });
    setBusy(false);
    if (result.ok) {
      // The backend keeps them largest first; the form shows them as they will go out.
      const saved = rowsOf(result.data.reminderOffsets);
      setRows(saved);
      setErrors({});
      setDone(saved.length === 0 ? 'Saved: customers get no reminder before their subscription ends.' : `Saved: customers are reminded ${saved.map(describeRow).join(', ')} before their subscription ends.`);
      return;
    }
    const split = reminderErrors(result.error, rows.length);
    setErrors(split.fields);
    setFormError(split.form ?? 'Some reminders need a change: see the messages under them.');
  };

  return (
    <form className="settings-form notification-settings" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-legend`} data-testid="expiry-reminders">
      <fieldset disabled={!canEdit}>
        <legend id={`${ids}-legend`}>Remind customers before their subscription ends</legend>
        <p className="muted" data-testid="expiry-reminders-day-note">
          Reminders in whole days go out at {String(REMINDER_HOUR).padStart(2, '0')}:00 on that day in {zone}; hours and minutes count back from the moment it ends. Each one {boundsText()} before the end; the text is the Expiry reminder under Customer messages.
        </p>
        {rows.length === 0 && (
          <p className="muted" data-testid="expiry-reminders-none">
            No reminders: customers are not told before their subscription ends.
          </p>
        )}
        {rows.map((row, i) => {
          const id = `${ids}-${row.key}`;
          const error = errors[amountKey(i)];
          return (
            <div key={row.key} className="form-field reminder-row" data-testid={`expiry-reminder-${i}`}>
              <label htmlFor={id}>Reminder {i + 1}</label>
              <input {...fieldAria(id, error)} type="number" min={1} step={1} value={row.amount} autoFocus={row.key === focusKey} onChange={(e) => change(i, { amount: e.target.value })} data-testid={`expiry-reminder-${i}-amount`} />
              <select aria-label={`Reminder ${i + 1} unit`} value={row.unit} onChange={(e) => change(i, { unit: e.target.value as ReminderUnit })} data-testid={`expiry-reminder-${i}-unit`}>
                {REMINDER_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit} before
                  </option>
                ))}
              </select>
              {canEdit && (
                <button type="button" className="small" onClick={() => remove(i)} data-testid={`expiry-reminder-${i}-remove`}>
                  Remove<span className="visually-hidden"> reminder {i + 1}</span>
                </button>
              )}
              {error && (
                <span className="field-error" id={`${id}-message`} role="alert" data-testid={`expiry-reminder-${i}-amount-error`}>
                  {error}
                </span>
              )}
            </div>
          );
        })}
        {errors[LIST_KEY] && (
          <p className="field-error" role="alert" data-testid="expiry-reminders-list-error">
            {errors[LIST_KEY]}
          </p>
        )}
        {canEdit && (
          <p>
            {rows.length < MAX_REMINDERS ? (
              <button type="button" className="small" ref={addButton} onClick={add} data-testid="expiry-reminders-add">
                Add reminder
              </button>
            ) : (
              <span className="muted" data-testid="expiry-reminders-full">
                At most {MAX_REMINDERS} reminders: remove one to add another.
              </span>
            )}
          </p>
        )}
      </fieldset>
      {formError && (
        <p className="error" role="alert" data-testid="expiry-reminders-error">
          {formError}
        </p>
      )}
      {done && (
        <p className="accepted" role="status" data-testid="expiry-reminders-saved">
          {done}
        </p>
      )}
      {canEdit && (
        <div className="form-actions">
          <SubmitButton busy={busy} className="primary" data-testid="expiry-reminders-save">
            {busy ? 'Saving…' : 'Save reminders'}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
