import '../../styles/accounts.css';
import { useState, type FormEvent } from 'react';
import type { Result } from '../../../../main/contract/errors';
import type { RegistrationAccepted, RegistrationInput } from '../../../../main/tenants/contract';
import { FormField } from '../account/form-field';
import { fieldErrorsOf, type FieldErrors } from '../account/auth-store';
import { SubmitButton } from '../../components/submit-button';

const EMPTY: RegistrationInput = {
  tenant_name: '',
  admin_name: '',
  admin_username: '',
  admin_email: '',
  admin_password: '',
  admin_password_confirmation: '',
  accept_terms: false,
};

/**
 * The tenant registration form (field names of the system this console replaces). The backend
 * checks every field and answers with messages per field; a valid form is accepted with a job id
 * and the tenant appears through TenantCreated.
 */
export function RegistrationForm({ submit, acceptedText }: { submit: (input: RegistrationInput) => Promise<Result<RegistrationAccepted>>; acceptedText: string }) {
  const [form, setForm] = useState(EMPTY);
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [accepted, setAccepted] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof RegistrationInput) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAccepted(null);
    void submit(form).then((result) => {
      setBusy(false);
      if (result.ok) {
        setAccepted(result.data.jobId);
        setFields({});
        setError(null);
        setForm(EMPTY);
        return;
      }
      const byField = fieldErrorsOf(result.error);
      setFields(byField);
      setError(Object.keys(byField).length > 0 ? null : result.error.message);
    });
  };

  return (
    <form className="form form-wide" onSubmit={onSubmit} data-testid="registration-form">
      <FormField className="form-full" label="Company name" value={form.tenant_name} onChange={set('tenant_name')} error={fields.tenant_name} testId="reg-tenant-name" />
      <FormField label="Admin's full name" value={form.admin_name} onChange={set('admin_name')} error={fields.admin_name} testId="reg-admin-name" />
      <FormField label="Admin username" value={form.admin_username} onChange={set('admin_username')} error={fields.admin_username} autoComplete="off" testId="reg-admin-username" />
      <FormField className="form-full" label="Admin email" type="email" value={form.admin_email} onChange={set('admin_email')} error={fields.admin_email} testId="reg-admin-email" />
      <FormField label="Password" type="password" value={form.admin_password} onChange={set('admin_password')} error={fields.admin_password} autoComplete="new-password" testId="reg-admin-password" />
      <FormField
        label="Password again"
        type="password"
        value={form.admin_password_confirmation}
        onChange={set('admin_password_confirmation')}
        error={fields.admin_password_confirmation}
        autoComplete="new-password"
        testId="reg-admin-password-confirmation"
      />
      <div className="form-field form-full">
        <label className="form-check">
          <input type="checkbox" checked={form.accept_terms} onChange={(e) => setForm((f) => ({ ...f, accept_terms: e.target.checked }))} data-testid="reg-accept-terms" />
          I accept the terms of service
        </label>
        {fields.accept_terms && (
          <span className="field-error" data-testid="reg-accept-terms-error">
            {fields.accept_terms}
          </span>
        )}
      </div>
      {error && (
        <p className="error form-full" role="alert">
          {error}
        </p>
      )}
      {accepted !== null && (
        <p className="accepted form-full" role="status" data-testid="registration-accepted">
          {acceptedText} (job #{accepted})
        </p>
      )}
      <div className="form-actions form-full">
        <SubmitButton busy={busy} className="primary" data-testid="reg-submit">
          Register
        </SubmitButton>
      </div>
    </form>
  );
}
