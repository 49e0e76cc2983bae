import { useEffect, useId, useRef, useState } from 'react';
import { SubmitButton } from '../../components/submit-button';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { formatAmount } from '../../format/number';
import { Field, fieldAria } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { ADJUST_DIRECTIONS, adjustInputOf, DIRECTION_LABELS, emptyAdjustForm, NOTE_MAX, type AdjustField, type AdjustFieldErrors, type AdjustFormValues } from './subscriber-ledger-form';
import { adjustBalance } from './subscriber-ledger-live';

export interface AdjustDialogProps {
  subscriberId: number;
  username: string;
  /** The tenant named in the invoke (system admins); null: the caller's own. */
  tenantId: number | null;
  currency: string;
  balanceMinor: number;
  onClose: () => void;
}

type Step = { kind: 'edit' } | { kind: 'confirm'; amountMinor: number; note: string };

/**
 * "Adjust balance" (admins): which way, how much, and why; then a second look at the signed
 * amount and the balance it leaves before anything is written, since money moves without a
 * receipt. One dialog in two steps, so one focus trap holds the keyboard throughout.
 */
export function AdjustDialog({ subscriberId, username, tenantId, currency, balanceMinor, onClose }: AdjustDialogProps) {
  const settings = useLocaleStore(localeSelectors.settings);
  const [values, setValues] = useState<AdjustFormValues>(emptyAdjustForm);
  const [errors, setErrors] = useState<AdjustFieldErrors>({});
  const [step, setStep] = useState<Step>({ kind: 'edit' });
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;
  const money = (minor: number) => formatAmount(minor, { ...settings, currency });

  // Each step starts where the eye goes: the amount to type, or Back (a stray Enter writes nothing).
  useEffect(() => {
    (step.kind === 'confirm' ? backRef : amountRef).current?.focus();
  }, [step.kind]);

  const update = (next: Partial<AdjustFormValues>, field?: AdjustField) => {
    setValues((v) => ({ ...v, ...next }));
    if (field) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    if (step.kind === 'edit') {
      const parsed = adjustInputOf(values, { ...settings, currency }, subscriberId, tenantId);
      if (!parsed.ok) setErrors(parsed.errors);
      else setStep({ kind: 'confirm', amountMinor: parsed.input.amountMinor, note: parsed.input.note });
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await adjustBalance({ ...(tenantId === null ? {} : { tenantId }), subscriberId, amountMinor: step.amountMinor, note: step.note }, username);
    setSaving(false);
    if (result.ok) onClose();
    else setFormError(result.error.message);
  };

  return (
    <ModalForm
      title={step.kind === 'edit' ? `Adjust the balance of ${username}` : 'Adjust the balance?'}
      testId="adjust-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={amountRef}
      formError={formError}
      actions={
        step.kind === 'edit' ? (
          <SubmitButton busy={false} className="primary" data-testid="adjust-form-review">
            Review…
          </SubmitButton>
        ) : (
          <>
            <button type="button" ref={backRef} onClick={() => setStep({ kind: 'edit' })} data-testid="adjust-form-back">
              Back
            </button>
            <SubmitButton busy={saving} className="primary" data-testid="adjust-form-submit">
              {saving ? 'Adjusting…' : 'Adjust balance'}
            </SubmitButton>
          </>
        )
      }
    >
      {step.kind === 'edit' ? (
        <div className="form-grid">
          <fieldset className="form-field form-span adjust-direction" data-testid="adjust-field-direction">
            <legend>Direction</legend>
            {ADJUST_DIRECTIONS.map((d) => (
              <label key={d} className="check">
                <input type="radio" name={id('direction')} value={d} checked={values.direction === d} onChange={() => update({ direction: d })} data-testid={`adjust-direction-${d}`} />
                {DIRECTION_LABELS[d]}
              </label>
            ))}
          </fieldset>
          <Field id={id('amount')} label={`Amount (${currency})`} error={errors.amount} hint={`Balance now ${money(balanceMinor)}`} testId="adjust-field-amount">
            <input ref={amountRef} {...fieldAria(id('amount'), errors.amount, 'hint')} inputMode="decimal" autoComplete="off" data-testid="adjust-field-amount" value={values.amount} onChange={(e) => update({ amount: e.target.value }, 'amount')} />
          </Field>
          <Field id={id('note')} label="Reason" error={errors.note} hint="Kept in the ledger and the audit log" testId="adjust-field-note" wide>
            <textarea {...fieldAria(id('note'), errors.note, 'hint')} rows={2} maxLength={NOTE_MAX} data-testid="adjust-field-note" value={values.note} onChange={(e) => update({ note: e.target.value }, 'note')} />
          </Field>
        </div>
      ) : (
        <div className="modal-body" data-testid="adjust-confirm">
          <p>
            {step.amountMinor < 0 ? 'Take' : 'Add'}{' '}
            <strong data-testid="adjust-confirm-amount" data-minor={step.amountMinor}>
              {money(Math.abs(step.amountMinor))}
            </strong>{' '}
            {step.amountMinor < 0 ? 'from' : 'to'} the balance of <strong>{username}</strong>, because “{step.note}”.
          </p>
          <p>
            The balance goes from {money(balanceMinor)} to <strong data-testid="adjust-confirm-balance">{money(balanceMinor + step.amountMinor)}</strong>. The ledger keeps the entry; a mistake is corrected by another adjustment.
          </p>
        </div>
      )}
    </ModalForm>
  );
}
