import { useId, useRef, useState } from 'react';
import { PLAN_KINDS, type PlanKind } from '../../../../main/plans/contract';
import type { SubscriberSummary } from '../../../../main/subscribers/contract';
import { SubmitButton } from '../../components/submit-button';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { useFormat } from '../../format/use-format';
import { Field, fieldAria } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { KIND_LABELS } from '../plans/plan-form-dialog';
import { plansSelectors, usePlansStore } from '../plans/plans-store';
import { RouterChecklist } from '../plans/router-checklist';
import {
  checkSubscriberForm,
  emptySubscriberForm,
  generatePassword,
  subscriberFormErrors,
  subscriberFormFrom,
  subscriberInputOf,
  subscriberUpdateInputOf,
  withPlan,
  type SubscriberField,
  type SubscriberFieldErrors,
  type SubscriberFormValues,
} from './subscriber-form';
import { createSubscriber, updateSubscriber } from './subscribers-live';

export interface SubscriberFormDialogProps {
  /** null: a new subscriber; otherwise the full record from `subscribers.get`. */
  subscriber: SubscriberSummary | null;
  /** The tenant a system admin creates in; null for tenant users. */
  tenantId: number | null;
  onClose: () => void;
}

/** Create / edit a subscriber (operators and admins). Every field's problem shows at once. */
export function SubscriberFormDialog({ subscriber, tenantId, onClose }: SubscriberFormDialogProps) {
  const tenant = useLocaleStore(localeSelectors.tenant);
  const timeZone = tenant?.timeZone;
  const format = useFormat();
  const [values, setValues] = useState<SubscriberFormValues>(() => (subscriber ? subscriberFormFrom(subscriber, timeZone) : emptySubscriberForm()));
  const plans = usePlansStore(plansSelectors.ofKind(values.kind));
  const [errors, setErrors] = useState<SubscriberFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [showPassword, setShowPassword] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const id = (field: string) => `${ids}-${field}`;

  const update = (next: Partial<SubscriberFormValues>, fields: SubscriberField[]) => {
    setValues((v) => ({ ...v, ...next }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(fields.map((f) => [f, undefined])) }));
  };

  const submit = async () => {
    const local = checkSubscriberForm(values, timeZone, subscriber !== null, plans);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    setFormError(null);
    const result = subscriber ? await updateSubscriber(subscriberUpdateInputOf(values, subscriber, timeZone), subscriber.username) : await createSubscriber(subscriberInputOf(values, timeZone, tenantId));
    setSaving(false);
    if (result.ok) {
      onClose();
      return;
    }
    const split = subscriberFormErrors(result.error);
    setErrors(split.fields);
    setFormError(split.form);
  };

  const text = (field: 'name' | 'phone' | 'email' | 'username' | 'macLock', label: string, hint?: string, extra: { ref?: React.Ref<HTMLInputElement>; type?: string; inputMode?: 'tel' | 'email' } = {}) => (
    <Field id={id(field)} label={label} error={errors[field]} hint={hint} testId={`subscriber-field-${field}`}>
      <input {...fieldAria(id(field), errors[field], hint)} data-testid={`subscriber-field-${field}`} autoComplete="off" value={values[field]} onChange={(e) => update({ [field]: e.target.value }, [field])} {...extra} />
    </Field>
  );

  return (
    <ModalForm
      title={subscriber ? `Edit ${subscriber.name}` : 'New subscriber'}
      testId="subscriber-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={nameRef}
      formError={formError}
      actions={
        <SubmitButton busy={saving} className="primary" data-testid="subscriber-form-submit">
          {saving ? 'Saving…' : subscriber ? 'Save' : 'Create subscriber'}
        </SubmitButton>
      }
    >
      <div className="form-grid">
        <Field id={id('kind')} label="Kind" error={errors.kind} testId="subscriber-field-kind" hint={subscriber ? 'Fixed once created' : undefined}>
          <select
            {...fieldAria(id('kind'), errors.kind)}
            data-testid="subscriber-field-kind"
            value={values.kind}
            disabled={subscriber !== null}
            onChange={(e) => update({ kind: e.target.value as PlanKind, planId: '' }, ['kind', 'planId'])}
          >
            {PLAN_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {text('name', 'Name', undefined, { ref: nameRef })}
        {text('phone', 'Phone', 'e.g. +254712345678', { type: 'tel', inputMode: 'tel' })}
        {text('email', 'Email', undefined, { type: 'email', inputMode: 'email' })}
        {text('username', 'Username', values.kind === 'hotspot' ? 'The hotspot login' : 'The PPPoE login')}
        <Field id={id('password')} label="Password" error={errors.password} testId="subscriber-field-password" hint={subscriber ? 'Empty keeps the stored password' : 'Stored sealed; shown only to operators and admins'}>
          <div className="input-with-button">
            <input
              {...fieldAria(id('password'), errors.password, 'hint')}
              type={showPassword ? 'text' : 'password'}
              autoComplete="new-password"
              data-testid="subscriber-field-password"
              value={values.password}
              placeholder={subscriber ? 'unchanged' : ''}
              onChange={(e) => update({ password: e.target.value }, ['password'])}
            />
            <button type="button" className="small" aria-pressed={showPassword} onClick={() => setShowPassword((s) => !s)} data-testid="subscriber-password-show">
              {showPassword ? 'Hide' : 'Show'}
            </button>
            <button
              type="button"
              className="small"
              data-testid="subscriber-password-generate"
              onClick={() => {
                update({ password: generatePassword() }, ['password']);
                setShowPassword(true);
              }}
            >
              Generate
            </button>
          </div>
        </Field>
        <Field id={id('planId')} label="Plan" error={errors.planId} testId="subscriber-field-planId" hint={plans.length === 0 ? `No ${KIND_LABELS[values.kind]} plans yet: an admin creates them in Plans` : undefined}>
          <select
            {...fieldAria(id('planId'), errors.planId)}
            data-testid="subscriber-field-planId"
            value={values.planId}
            onChange={(e) => {
              const plan = plans.find((p) => String(p.id) === e.target.value) ?? null;
              setValues((v) => withPlan(v, plan));
              setErrors((er) => ({ ...er, planId: undefined, routerIds: undefined }));
            }}
          >
            <option value="">Choose a plan…</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} · {format.amount(p.priceMinor)}
              </option>
            ))}
          </select>
        </Field>
        {text('macLock', 'MAC lock', 'Only this device may log in; empty: any')}
        <Field id={id('validUntil')} label={`Valid until (${timeZone ?? 'local time'})`} error={errors.validUntil} testId="subscriber-field-validUntil" hint="Empty: from now, for the plan's validity">
          <input
            {...fieldAria(id('validUntil'), errors.validUntil, 'hint')}
            type="datetime-local"
            data-testid="subscriber-field-validUntil"
            value={values.validUntil}
            onChange={(e) => update({ validUntil: e.target.value }, ['validUntil'])}
          />
        </Field>
        <label className="form-field form-check">
          <input type="checkbox" checked={values.disabled} onChange={(e) => update({ disabled: e.target.checked }, ['disabled'])} data-testid="subscriber-field-disabled" />
          Disabled (cannot log in)
        </label>
        <RouterChecklist
          label="Routers"
          selected={values.routerIds}
          onChange={(routerIds) => update({ routerIds, routersChosen: true }, ['routerIds'])}
          error={errors.routerIds}
          hint={values.routersChosen ? undefined : 'The plan’s routers, until you choose'}
          testId="subscriber-field-routers"
        />
      </div>
    </ModalForm>
  );
}
