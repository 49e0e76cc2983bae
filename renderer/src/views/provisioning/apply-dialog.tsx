import { useId, useState } from 'react';
import { MAX_APPLY_CONCURRENCY, type ProvisioningTemplate } from '../../../../main/provisioning/contract';
import { SubmitButton } from '../../components/submit-button';
import { Field, fieldAria } from '../plans/field';
import { ModalForm } from '../plans/modal-form';
import { RouterChecklist } from '../plans/router-checklist';
import { applyTemplate } from './provisioning-live';

/** "Apply to many": routers to apply a template to, and how many at once (the queue's width at most). */
export function ApplyDialog({ template, onClose }: { template: ProvisioningTemplate; onClose: () => void }) {
  const ids = useId();
  const [routerIds, setRouterIds] = useState<number[]>([]);
  const [concurrency, setConcurrency] = useState(String(MAX_APPLY_CONCURRENCY));
  const [errors, setErrors] = useState<{ routerIds?: string; concurrency?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const n = Number(concurrency);
    const local: typeof errors = {};
    if (routerIds.length === 0) local.routerIds = 'choose at least one router';
    if (!Number.isInteger(n) || n < 1 || n > MAX_APPLY_CONCURRENCY) local.concurrency = `a whole number from 1 to ${MAX_APPLY_CONCURRENCY}`;
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const result = await applyTemplate(template.id, routerIds, n);
    setBusy(false);
    if (result.ok) onClose();
    else setFormError(result.error.message);
  };

  return (
    <ModalForm
      title={`Apply ${template.name} to many routers`}
      testId="apply-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      formError={formError}
      actions={
        <SubmitButton busy={busy} className="primary" data-testid="apply-form-submit">
          {busy ? 'Starting…' : `Apply to ${routerIds.length} router${routerIds.length === 1 ? '' : 's'}`}
        </SubmitButton>
      }
    >
      <p className="muted small-text">Each router gets a fresh plan first, then its steps; a router that refuses a step stops there and keeps nothing this run added.</p>
      <div className="form-grid">
        <RouterChecklist label="Routers" selected={routerIds} onChange={setRouterIds} error={errors.routerIds} testId="apply-routers" />
        <Field id={`${ids}-concurrency`} label="At once" error={errors.concurrency} hint={`Routers provisioned at the same time, 1 to ${MAX_APPLY_CONCURRENCY}`} testId="apply-concurrency">
          <input {...fieldAria(`${ids}-concurrency`, errors.concurrency, 'hint')} type="number" min={1} max={MAX_APPLY_CONCURRENCY} value={concurrency} onChange={(e) => setConcurrency(e.target.value)} data-testid="apply-concurrency" />
        </Field>
      </div>
    </ModalForm>
  );
}
