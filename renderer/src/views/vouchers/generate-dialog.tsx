import { useId, useRef, useState } from 'react';
import { VOUCHER_CHARSETS, type VoucherBatchSummary, type VoucherCharset } from '../../../../main/vouchers/contract';
import { SubmitButton } from '../../components/submit-button';
import { useFormat } from '../../format/use-format';
import { validityWords } from '../plans/duration-input';
import { Field, fieldAria } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { plansSelectors, usePlansStore } from '../plans/plans-store';
import { RouterChecklist } from '../plans/router-checklist';
import { checkGenerateForm, emptyGenerateForm, generateFormErrors, generateInputOf, type GenerateField, type GenerateFieldErrors, type GenerateFormValues } from './generate-form';
import { generateBatch } from './vouchers-live';

const CHARSET_LABELS: Record<VoucherCharset, string> = {
  digits: 'Digits (easy on a phone keypad)',
  letters: 'Letters',
  mixed: 'Letters and digits',
};

export interface GenerateDialogProps {
  tenantId: number | null;
  onClose: () => void;
  /** The batch just generated, to open it. */
  onGenerated: (batch: VoucherBatchSummary) => void;
}

/** Generate a batch of hotspot vouchers (operators and admins); every field's problem shows at once. */
export function GenerateDialog({ tenantId, onClose, onGenerated }: GenerateDialogProps) {
  const plans = usePlansStore(plansSelectors.ofKind('hotspot'));
  const [values, setValues] = useState<GenerateFormValues>(() => emptyGenerateForm(plans[0] ?? null));
  const [errors, setErrors] = useState<GenerateFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const format = useFormat();
  const planRef = useRef<HTMLSelectElement>(null);
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;
  const plan = plans.find((p) => String(p.id) === values.planId) ?? null;

  const update = (next: Partial<GenerateFormValues>, fields: GenerateField[]) => {
    setValues((v) => ({ ...v, ...next }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(fields.map((f) => [f, undefined])) }));
  };

  const submit = async () => {
    const local = checkGenerateForm(values, plan);
    setErrors(local);
    if (Object.keys(local).length > 0 || !plan) return;
    setSaving(true);
    setFormError(null);
    const result = await generateBatch(generateInputOf(values, plan, tenantId), plan.name);
    setSaving(false);
    if (result.ok) {
      onGenerated(result.data);
      return;
    }
    const split = generateFormErrors(result.error);
    setErrors(split.fields);
    setFormError(split.form);
  };

  const text = (field: 'count' | 'codeLength' | 'prefix' | 'comment', label: string, hint?: string, numeric = false) => (
    <Field id={id(field)} label={label} error={errors[field]} hint={hint} testId={`generate-field-${field}`}>
      <input {...fieldAria(id(field), errors[field], hint)} inputMode={numeric ? 'numeric' : undefined} data-testid={`generate-field-${field}`} value={values[field]} onChange={(e) => update({ [field]: e.target.value }, [field])} />
    </Field>
  );

  return (
    <ModalForm
      title="Generate vouchers"
      testId="generate-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={planRef}
      formError={formError}
      actions={
        <SubmitButton busy={saving} className="primary" data-testid="generate-form-submit">
          {saving ? 'Generating…' : 'Generate'}
        </SubmitButton>
      }
    >
      <div className="form-grid">
        <Field id={id('planId')} label="Plan" error={errors.planId} testId="generate-field-planId" hint={plan ? `${format.amount(plan.priceMinor)} · ${validityWords(plan.validitySeconds)}` : plans.length === 0 ? 'No hotspot plans yet: an admin creates them in Plans' : undefined}>
          <select
            ref={planRef}
            {...fieldAria(id('planId'), errors.planId, 'hint')}
            data-testid="generate-field-planId"
            value={values.planId}
            onChange={(e) => {
              const chosen = plans.find((p) => String(p.id) === e.target.value);
              update({ planId: e.target.value, routerIds: chosen ? [...chosen.routerIds] : [] }, ['planId', 'routerIds']);
            }}
          >
            <option value="">Choose a hotspot plan…</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        {text('count', 'How many', '1 to 10,000', true)}
        {text('codeLength', 'Code length', '4 to 16 characters', true)}
        {text('prefix', 'Prefix', 'Up to 8 letters or digits before each code')}
        <Field id={id('charset')} label="Characters" error={errors.charset} testId="generate-field-charset" hint="0/O and 1/l/I are left out">
          <select {...fieldAria(id('charset'), errors.charset, 'hint')} data-testid="generate-field-charset" value={values.charset} onChange={(e) => update({ charset: e.target.value as VoucherCharset }, ['charset'])}>
            {VOUCHER_CHARSETS.map((c) => (
              <option key={c} value={c}>
                {CHARSET_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        {text('comment', 'Comment', 'Kept with the batch and on the routers')}
        <label className="form-field form-check form-span">
          <input type="checkbox" checked={values.separatePassword} onChange={(e) => update({ separatePassword: e.target.checked }, ['separatePassword'])} data-testid="generate-field-separatePassword" />
          A separate password (otherwise the code is both username and password)
        </label>
        <RouterChecklist
          label="Push to routers"
          selected={values.routerIds}
          among={plan?.routerIds ?? []}
          onChange={(routerIds) => update({ routerIds }, ['routerIds'])}
          error={errors.routerIds}
          hint="The plan’s routers, or some of them"
          testId="generate-field-routers"
        />
      </div>
    </ModalForm>
  );
}
