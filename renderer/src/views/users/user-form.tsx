import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Role } from '../../../../main/contract';
import { FormField } from '../account/form-field';
import type { FieldErrors } from '../account/auth-store';
import { SubmitButton } from '../../components/submit-button';

export const TENANT_ROLES: ReadonlyArray<{ role: Role; label: string }> = [
  { role: 'tenant_admin', label: 'Tenant admin' },
  { role: 'operator', label: 'Operator (routers and sessions)' },
  { role: 'viewer', label: 'Viewer (read-only)' },
];

export interface UserFormValues {
  name: string;
  username: string;
  email: string;
  password: string;
  role: Role;
}

/**
 * Create and edit form of a user. Editing leaves the username fixed and the password empty
 * (empty: unchanged). `submit` resolves to the field messages of a refusal, or null when accepted.
 */
export function UserForm(props: {
  mode: 'create' | 'edit';
  initial: UserFormValues;
  submit: (values: UserFormValues) => Promise<FieldErrors | null>;
  onDone?: () => void;
  testId: string;
}) {
  const roleId = useId();
  const [values, setValues] = useState(props.initial);
  const [fields, setFields] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(props.initial), [props.initial]);
  const set = (key: keyof UserFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    void props.submit(values).then((errors) => {
      setBusy(false);
      setFields(errors ?? {});
      if (errors === null) {
        if (props.mode === 'create') setValues(props.initial);
        props.onDone?.();
      }
    });
  };

  const t = props.testId;
  return (
    <form className="form form-wide" onSubmit={onSubmit} data-testid={t}>
      <FormField label="Full name" value={values.name} onChange={set('name')} error={fields.name} testId={`${t}-name`} />
      <FormField label="Username" value={values.username} onChange={set('username')} error={fields.username} disabled={props.mode === 'edit'} autoComplete="off" testId={`${t}-username`} />
      <FormField label="Email" type="email" value={values.email} onChange={set('email')} error={fields.email} testId={`${t}-email`} />
      <FormField
        label={props.mode === 'edit' ? 'New password (empty: unchanged)' : 'Password'}
        type="password"
        value={values.password}
        onChange={set('password')}
        error={fields.password}
        autoComplete="new-password"
        testId={`${t}-password`}
      />
      <div className="form-field form-full">
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} value={values.role} onChange={(e) => set('role')(e.target.value)} aria-invalid={fields.role ? true : undefined} data-testid={`${t}-role`}>
          {TENANT_ROLES.map((r) => (
            <option key={r.role} value={r.role}>
              {r.label}
            </option>
          ))}
        </select>
        {fields.role && <span className="field-error">{fields.role}</span>}
      </div>
      <div className="form-actions form-full">
        <SubmitButton busy={busy} className="primary" data-testid={`${t}-submit`}>
          {props.mode === 'create' ? 'Create user' : 'Save'}
        </SubmitButton>
        {props.onDone && props.mode === 'edit' && (
          <button type="button" onClick={props.onDone} data-testid={`${t}-cancel`}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
