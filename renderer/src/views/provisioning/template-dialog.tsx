import { useId, useMemo, useRef, useState } from 'react';
import type { ProvisioningTemplate } from '../../../../main/provisioning/contract';
import { SubmitButton } from '../../components/submit-button';
import { ModalForm } from '../plans/modal-form';
import { createTemplate, updateTemplate } from './provisioning-live';
import { changedKeys, checkTemplateForm, emptyTemplateForm, templateFormErrors, templateFormFrom, type TemplateFieldErrors, type TemplateFormValues } from './template-form';
import { TemplateHotspotFields } from './template-hotspot-fields';
import { TemplatePlansField } from './template-plans-field';
import { TemplatePoolsField } from './template-pools-field';
import { TemplatePppoeFields } from './template-pppoe-fields';
import { TemplateCheck, TemplateSection, TemplateTextField } from './template-text-field';

export interface TemplateDialogProps {
  /** null: a new template. */
  template: ProvisioningTemplate | null;
  /** The tenant a system admin creates in; null for tenant users (the server uses theirs). */
  tenantId: number | null;
  onClose: () => void;
}

/** Create / edit a provisioning template (admins). Every field's problem shows at once, the contract's and the server's. */
export function TemplateDialog({ template, tenantId, onClose }: TemplateDialogProps) {
  const [values, setValues] = useState<TemplateFormValues>(() => (template ? templateFormFrom(template) : emptyTemplateForm()));
  const [errors, setErrors] = useState<TemplateFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const zonesId = `${ids}-zones`;
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  /** A change clears the errors of what it touched: the field, or in a section the fields that changed (and the section's own). */
  const change = <K extends keyof TemplateFormValues>(field: K, value: TemplateFormValues[K]) => {
    const touched = changedKeys(field, values[field], value);
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !touched.some((t) => key === t || (t === 'pools' && key.startsWith('pools.'))))));
  };

  const submit = async () => {
    const checked = checkTemplateForm(values);
    setErrors(checked.errors);
    if (!checked.spec) {
      setFormError('Some fields need a fix (marked below).');
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = template ? await updateTemplate(template.id, checked.spec) : await createTemplate(checked.spec, tenantId);
    setSaving(false);
    if (result.ok) {
      onClose();
      return;
    }
    const split = templateFormErrors(result.error);
    setErrors(split.fields);
    setFormError(split.form);
  };

  const common = { errors, idPrefix: ids };
  return (
    <ModalForm
      title={template ? `Edit template ${template.name}` : 'New provisioning template'}
      testId="template-form"
      onClose={onClose}
      onSubmit={() => void submit()}
      initialFocus={nameRef}
      formError={formError}
      className="template-dialog"
      actions={
        <SubmitButton busy={saving} className="primary" data-testid="template-form-submit">
          {saving ? 'Saving…' : template ? 'Save' : 'Create template'}
        </SubmitButton>
      }
    >
      <div className="form-grid">
        <TemplateTextField field="name" label="Name" value={values.name} onChange={(v) => change('name', v)} inputRef={nameRef} {...common} />
        <TemplateTextField field="description" label="Description" value={values.description} onChange={(v) => change('description', v)} {...common} />
        <TemplateTextField field="identity" label="Identity" hint="{router} becomes the router’s name, e.g. {router}-hs; empty: leave it" value={values.identity} onChange={(v) => change('identity', v)} {...common} />
        <TemplateTextField field="timeZone" label="Time zone" hint="e.g. Africa/Nairobi; empty: leave it" list={zonesId} value={values.timeZone} onChange={(v) => change('timeZone', v)} {...common} />
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <TemplateTextField field="ntpServers" label="NTP servers" hint="Up to 4, e.g. pool.ntp.org; empty: leave the clock" value={values.ntpServers} onChange={(v) => change('ntpServers', v)} wide {...common} />
        <TemplatePoolsField pools={values.pools} onChange={(pools) => change('pools', pools)} {...common} />
        <TemplateSection field="hotspot" title="Hotspot" on={values.hotspotOn} onToggle={(on) => change('hotspotOn', on)} hint="Off: the template leaves the hotspot as it is." error={errors.hotspot}>
          <TemplateHotspotFields value={values.hotspot} onChange={(h) => change('hotspot', h)} {...common} />
        </TemplateSection>
        <TemplateSection field="pppoe" title="PPPoE server" on={values.pppoeOn} onToggle={(on) => change('pppoeOn', on)} hint="Off: the template leaves PPPoE as it is." error={errors.pppoe}>
          <TemplatePppoeFields value={values.pppoe} onChange={(p) => change('pppoe', p)} {...common} />
        </TemplateSection>
        <TemplatePlansField selected={values.planIds} onChange={(planIds) => change('planIds', planIds)} error={errors.planIds} />
        <TemplateSection field="apiHardening" title="API hardening" on={values.apiHardeningOn} onToggle={(on) => change('apiHardeningOn', on)} hint="Off: the router’s API services stay as they are." error={errors.apiHardening}>
          <TemplateCheck field="apiHardening.sslOnly" checked={values.apiHardening.sslOnly} onChange={(sslOnly) => change('apiHardening', { ...values.apiHardening, sslOnly })}>
            API over TLS only (turn off the plain API on 8728, keep api-ssl on 8729)
          </TemplateCheck>
          <TemplateTextField
            field="apiHardening.allowedAddresses"
            label="Allowed addresses"
            hint="Who may reach the API, e.g. 10.0.0.0/8; must include the console’s address; empty: anyone"
            value={values.apiHardening.allowedAddresses}
            onChange={(allowedAddresses) => change('apiHardening', { ...values.apiHardening, allowedAddresses })}
            wide
            mono
            {...common}
          />
        </TemplateSection>
      </div>
    </ModalForm>
  );
}
