import { useId, useRef, useState } from 'react';
import { EXPIRY_ACTIONS, PLAN_KINDS, type ExpiryAction, type PlanKind, type PlanSummary } from '../../../../main/plans/contract';
import { SubmitButton } from '../../components/submit-button';
import { localeSelectors, useLocaleStore } from '../../format/locale-store';
import { routersSelectors, useRoutersStore } from '../routers/routers-store';
import { Field, fieldAria } from './field';
import { ModalForm } from './modal-form';
import { checkPlanForm, emptyPlanForm, planFormErrors, planFormFrom, planInputOf, planUpdateInput, type PlanField, type PlanFieldErrors, type PlanFormValues } from './plan-form';
import { createPlan, updatePlan } from './plans-live';
import { RouterChecklist } from './router-checklist';

export const KIND_LABELS: Record<PlanKind, string> = { hotspot: 'Hotspot', pppoe: 'PPPoE' };
const EXPIRY_LABELS: Record<ExpiryAction, string> = {
  disable: 'Disable the account',
  remove: 'Remove the account',
  move: 'Move to an expired profile',
};

export interface PlanFormDialogProps {
  /** null: a new plan. */
  plan: PlanSummary | null;
  /** The tenant a system admin creates in; null for tenant users (the server uses theirs). */
  tenantId: number | null;
  onClose: () => void;
}

/** Create / edit a plan (admins). Every field's problem shows at once, the contract's and the backend's. */
export function PlanFormDialog({ plan, tenantId, onClose }: PlanFormDialogProps) {
  const settings = useLocaleStore(localeSelectors.settings);
  const routers = useRoutersStore(routersSelectors.sorted);
  const [values, setValues] = useState<PlanFormValues>(() => (plan ? planFormFrom(plan, settings) : emptyPlanForm('hotspot', routers.map((r) => r.id))));
  const [errors, setErrors] = useState<PlanFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const hotspot = values.kind === 'hotspot';

  const change = <K extends keyof PlanFormValues>(field: K, value: PlanFormValues[K]) => {
    setValues((v) => {
      const next = { ...v, [field]: value };
      // Shared users is a hotspot setting: a new PPPoE plan starts without it (and back).
      if (field === 'kind' && !plan) next.sharedUsers = value === 'hotspot' ? '1' : '';
      return next;
    });
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async () => {
    const local = checkPlanForm(values, settings);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    setFormError(null);
    const result = plan ? await updatePlan(planUpdateInput(values, plan, settings)) : await createPlan(planInputOf(values, settings, tenantId).input);
    setSaving(false);
    if (result.ok) {
      onClose();
      return;
    }
    const split = planFormErrors(result.error);
    setErrors(split.fields);
    setFormError(split.form);
  };

  const text = (field: PlanField & keyof PlanFormValues, label: string, hint?: string, extra: { ref?: React.Ref<HTMLInputElement>; inputMode?: 'numeric' | 'decimal' } = {}) => (
    <Field id={`${ids}-${field}`} label={label} error={errors[field]} hint={hint} testId={`plan-field-${field}`}>
      <input {...fieldAria(`${ids}-${field}`, errors[field], hint)} data-testid={`plan-field-${field}`} value={String(values[field])} onChange={(e) => change(field, e.target.value as never)} {...extra} />
    </Field>
  );

  return (
    <ModalForm
      title={plan ? `Edit plan ${plan.name}` : 'New plan'}
      testId="plan-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={nameRef}
      formError={formError}
      className="plan-dialog"
      actions={
        <SubmitButton busy={saving} className="primary" data-testid="plan-form-submit">
          {saving ? 'Saving…' : plan ? 'Save' : 'Create plan'}
        </SubmitButton>
      }
    >
      <div className="form-grid plan-grid">
        <Field id={`${ids}-kind`} label="Kind" error={errors.kind} testId="plan-field-kind" hint={plan ? 'Fixed once created' : undefined}>
          <select {...fieldAria(`${ids}-kind`, errors.kind)} data-testid="plan-field-kind" value={values.kind} disabled={plan !== null} onChange={(e) => change('kind', e.target.value as PlanKind)}>
            {PLAN_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {text('name', 'Name', 'The profile name on the routers', { ref: nameRef })}
        {text('price', `Price (${settings.currency ?? 'USD'})`, undefined, { inputMode: 'decimal' })}
        {text('validity', 'Validity', 'e.g. 1h, 1d, 30d; empty: no limit')}
        {text('uptimeLimit', 'Uptime limit', 'Online time, e.g. 5h; empty: none')}
        {text('dataLimit', 'Data limit', 'Down + up, e.g. 500M, 2G; empty: none')}
        {text('uploadRate', 'Upload rate', 'e.g. 1M, 512k; empty: unlimited')}
        {text('downloadRate', 'Download rate', 'e.g. 2M, 10M')}
        {hotspot ? text('sharedUsers', 'Shared users', 'Devices on one login; empty: any', { inputMode: 'numeric' }) : text('localAddress', 'Local address', 'The router’s side: an address or pool')}
        {text('addressPool', hotspot ? 'Address pool' : 'Remote address pool', 'A pool on the routers; empty: default')}
        <Field id={`${ids}-expiry`} label="When it runs out" error={errors.expiry} testId="plan-field-expiry">
          <select {...fieldAria(`${ids}-expiry`, errors.expiry)} data-testid="plan-field-expiry" value={values.expiry} onChange={(e) => change('expiry', e.target.value as ExpiryAction)}>
            {EXPIRY_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {EXPIRY_LABELS[a]}
              </option>
            ))}
          </select>
        </Field>
        {values.expiry === 'move' && text('expiredProfile', 'Expired profile', 'It must exist on the routers')}
        <label className="form-field form-check form-span">
          <input type="checkbox" checked={values.autoRenew} onChange={(e) => change('autoRenew', e.target.checked)} data-testid="plan-field-auto-renew" />
          Auto-renew from balance (at expiry, when the subscriber’s balance covers the price)
        </label>
        <label className="form-field form-check form-span">
          <input type="checkbox" checked={values.burst} onChange={(e) => change('burst', e.target.checked)} data-testid="plan-field-burst" />
          Burst (faster for a while, then the normal rate)
        </label>
        {values.burst && (
          <>
            {text('burstUpload', 'Burst upload rate')}
            {text('burstDownload', 'Burst download rate')}
            {text('burstTime', 'Burst time', 'e.g. 8s, 1m')}
            {text('burstThresholdUpload', 'Burst threshold upload')}
            {text('burstThresholdDownload', 'Burst threshold download')}
          </>
        )}
        <RouterChecklist label="Routers" selected={values.routerIds} onChange={(ids) => change('routerIds', ids)} error={errors.routerIds} testId="plan-field-routers" />
      </div>
    </ModalForm>
  );
}
