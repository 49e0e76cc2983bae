import { useCallback, useId, useRef, useState } from 'react';
import { SubmitButton } from '../../components/submit-button';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { Field, fieldAria } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { recordPayment } from './payments-live';
import { emptyRecordForm, METHOD_LABELS, RECORD_METHODS, recordInputOf, type RecordField, type RecordFieldErrors, type RecordFormValues, type RecordMethod } from './record-form';
import { SubscriberSearch, type SubscriberChoice } from './subscriber-search';

export interface RecordDialogProps {
  /** The tenant named in the invoke (system admins); null: the caller's own. */
  tenantId: number | null;
  onClose: () => void;
}

/** Record a cash or mobile money payment taken by hand (operators and admins). */
export function RecordDialog({ tenantId, onClose }: RecordDialogProps) {
  const settings = useLocaleStore(localeSelectors.settings);
  const [values, setValues] = useState<RecordFormValues>(emptyRecordForm);
  const [subscriber, setSubscriber] = useState<SubscriberChoice | null>(null);
  const [errors, setErrors] = useState<RecordFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;

  const update = (next: Partial<RecordFormValues>, field: RecordField) => {
    setValues((v) => ({ ...v, ...next }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const choose = useCallback((choice: SubscriberChoice | null) => {
    setSubscriber(choice);
    setValues((v) => ({ ...v, subscriberId: choice?.id ?? null }));
    setErrors((e) => ({ ...e, subscriber: undefined }));
  }, []);

  const submit = async () => {
    const parsed = recordInputOf(values, settings, tenantId);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await recordPayment(parsed.input, subscriber?.username ?? `subscriber ${values.subscriberId}`);
    setSaving(false);
    if (result.ok) onClose();
    else setFormError(result.error.message);
  };

  return (
    <ModalForm
      title="Record payment"
      testId="record-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={searchRef}
      formError={formError}
      actions={
        <SubmitButton busy={saving} className="primary" data-testid="record-form-submit">
          {saving ? 'Recording…' : 'Record'}
        </SubmitButton>
      }
    >
      <div className="form-grid">
        <SubscriberSearch id={id('subscriber')} tenantId={tenantId} value={subscriber} onChange={choose} error={errors.subscriber} testId="record-field-subscriber" inputRef={searchRef} />
        <Field id={id('amount')} label={`Amount (${settings.currency ?? 'USD'})`} error={errors.amount} testId="record-field-amount">
          <input {...fieldAria(id('amount'), errors.amount)} inputMode="decimal" data-testid="record-field-amount" value={values.amount} onChange={(e) => update({ amount: e.target.value }, 'amount')} />
        </Field>
        <Field id={id('method')} label="Method" testId="record-field-method">
          <select id={id('method')} data-testid="record-field-method" value={values.method} onChange={(e) => update({ method: e.target.value as RecordMethod }, 'receipt')}>
            {RECORD_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('receipt')} label="Receipt" error={errors.receipt} hint={values.method === 'cash' ? 'Optional for cash: the console numbers it' : 'The mobile money receipt, e.g. QK71ABC2XY'} testId="record-field-receipt">
          <input {...fieldAria(id('receipt'), errors.receipt, 'hint')} autoComplete="off" data-testid="record-field-receipt" value={values.receipt} onChange={(e) => update({ receipt: e.target.value }, 'receipt')} />
        </Field>
      </div>
    </ModalForm>
  );
}
