import { useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { api } from '../../bridge/api';
import { TenantPicker } from '../../components/tenant-picker';
import { formatAmount } from '../../format/number';
import { formatDateTime } from '../../format/date-time';
import { localeSelectors, setTenantLocale, useLocaleStore } from '../../format/locale-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { FormField } from '../account/form-field';
import { SectionPending } from './section-pending';
import { checkTenantSettings, logoFileProblem, tenantSettingsErrors, type TenantSettingsErrors, type TenantSettingsValues } from './tenant-settings-form';
import { SubmitButton } from '../../components/submit-button';

const supported = (key: 'timeZone' | 'currency'): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf(key) : []);
const LOCALE_HINTS = ['en-KE', 'en-GB', 'en-US', 'en-NG', 'en-ZA', 'en-IN', 'fr-FR', 'fr-CI', 'de-DE', 'es-ES', 'pt-BR', 'sw-KE', 'ar-EG'];

/**
 * Settings › Company: the tenant's name, time zone, locale and currency (every date, number and
 * amount of the console follows them) and the logo on its vouchers. Tenant admins edit their own
 * tenant; system admins the tenant chosen in the picker.
 */
export function TenantSection() {
  const { tenantId, isSystemAdmin } = useViewTenant();
  const onScreen = useLocaleStore(localeSelectors.tenant);
  const [values, setValues] = useState<TenantSettingsValues | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    setValues(null);
    if (tenantId === null) return undefined;
    let active = true;
    void api.invoke('tenants.settings', isSystemAdmin ? { tenantId } : {}).then((result) => {
      if (!active) return;
      if (result.ok) {
        const { tenantId: _id, ...rest } = result.data;
        setValues(rest);
      } else setLoadError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, [tenantId, isSystemAdmin]);

  if (tenantId === null) {
    return (
      <div>
        <TenantPicker />
        <p className="muted" data-testid="company-choose-tenant">
          Choose a tenant to see its company settings.
        </p>
      </div>
    );
  }
  return (
    <div>
      {isSystemAdmin && <TenantPicker />}
      {values ? (
        <CompanyForm
          key={tenantId}
          initial={values}
          save={async (next) => {
            const result = await api.invoke('tenants.updateSettings', { ...next, ...(isSystemAdmin ? { tenantId } : {}) });
            // The tenant on screen formats with the new settings at once; TenantSettingsChanged repeats it.
            if (result.ok && (onScreen === null || onScreen.tenantId === result.data.tenantId)) setTenantLocale(result.data);
            return result;
          }}
        />
      ) : (
        <SectionPending error={loadError} />
      )}
    </div>
  );
}

interface CompanyFormProps {
  initial: TenantSettingsValues;
  save: (values: TenantSettingsValues) => ReturnType<typeof api.invoke<'tenants.updateSettings'>>;
}

function CompanyForm({ initial, save }: CompanyFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<TenantSettingsErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const zones = useMemo(() => supported('timeZone'), []);
  const currencies = useMemo(() => supported('currency'), []);
  const valid = Object.keys(checkTenantSettings(values)).length === 0;

  const change = (field: keyof TenantSettingsValues, value: string | null) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(false);
  };

  const chooseLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = logoFileProblem(file);
    if (problem) return setErrors((e) => ({ ...e, logo: problem }));
    const reader = new FileReader();
    reader.onload = () => change('logo', String(reader.result));
    reader.onerror = () => setErrors((e) => ({ ...e, logo: 'The file could not be read: choose it again.' }));
    reader.readAsDataURL(file);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = checkTenantSettings(values);
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    const result = await save(values);
    setBusy(false);
    if (result.ok) {
      setSaved(true);
      return;
    }
    const split = tenantSettingsErrors(result.error);
    setErrors(split.fields);
    setFormError(split.form);
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="company-form" noValidate>
      <FormField label="Company name" value={values.name} onChange={(v) => change('name', v)} error={errors.name} testId="company-name" />
      <FormField label="Time zone (IANA)" value={values.timeZone} onChange={(v) => change('timeZone', v)} error={errors.timeZone} list="company-zones" testId="company-time-zone" />
      <FormField label="Locale (BCP 47)" value={values.locale} onChange={(v) => change('locale', v)} error={errors.locale} list="company-locales" testId="company-locale" />
      <FormField label="Currency (ISO 4217)" value={values.currency} onChange={(v) => change('currency', v)} error={errors.currency} list="company-currencies" testId="company-currency" />
      <datalist id="company-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      <datalist id="company-locales">{LOCALE_HINTS.map((l) => <option key={l} value={l} />)}</datalist>
      <datalist id="company-currencies">{currencies.map((c) => <option key={c} value={c} />)}</datalist>
      {valid && (
        <p className="muted" data-testid="company-preview">
          Reads as: {formatDateTime(Date.now(), values)} · {formatAmount(123456, values)}
        </p>
      )}
      <div className="form-field">
        <label htmlFor="company-logo">Voucher logo (PNG, JPEG or WebP, up to 64 KiB)</label>
        {values.logo && <img src={values.logo} alt="Current voucher logo" className="company-logo" data-testid="company-logo-preview" />}
        <input id="company-logo" type="file" accept="image/png,image/jpeg,image/webp" onChange={chooseLogo} data-testid="company-logo" aria-invalid={errors.logo ? true : undefined} />
        {values.logo && (
          <button type="button" className="ghost small" onClick={() => change('logo', null)} data-testid="company-logo-remove">
            Remove logo
          </button>
        )}
        {errors.logo && (
          <span className="field-error" data-testid="company-logo-error">
            {errors.logo}
          </span>
        )}
      </div>
      {formError && (
        <p className="error" role="alert" data-testid="company-error">
          {formError}
        </p>
      )}
      {saved && (
        <p className="accepted" role="status" data-testid="company-saved">
          Saved: dates, numbers and amounts now follow these settings.
        </p>
      )}
      <div className="form-actions">
        <SubmitButton busy={busy} className="primary" data-testid="company-save">
          {busy ? 'Saving…' : 'Save'}
        </SubmitButton>
      </div>
    </form>
  );
}
