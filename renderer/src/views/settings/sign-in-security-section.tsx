import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AuthSettings } from '../../../../main/auth/contract';
import type { TenantSignInPolicyView } from '../../../../main/auth/two-factor-contract';
import { api } from '../../bridge/api';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { checkEnrolmentRequired } from '../account/auth-actions';
import { FormField } from '../account/form-field';
import { changesFrom, formFrom, NUMBER_SETTINGS, type NumberSetting, type SignInSecurityForm } from './sign-in-security-form';
import { SubmitButton } from '../../components/submit-button';

/**
 * Settings › Sign-in and security: system admins edit lockout, session lifetimes,
 * self-registration and whether system admins must use two-factor sign-in; tenant admins decide
 * whether their tenant's admins must. Every change is audited by the backend.
 */
export function SignInSecuritySection() {
  const user = useSessionStore(sessionSelectors.user);
  return user?.role === 'system_admin' ? <SystemSignInSettings /> : <TenantSignInPolicy />;
}

/** Loads once; shows the error or "Loading…" until the first answer. */
function useLoaded<T>(load: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    void load().then((result) => {
      if (!active) return;
      if (result.ok) setData(result.data);
      else setError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, [load]);
  return { data, setData, error, setError };
}

const loadSettings = () => api.invoke('auth.settings', {});
const loadPolicy = () => api.invoke('auth.tenantPolicy', {});

function SystemSignInSettings() {
  const { data: saved, setData: setSaved, error, setError } = useLoaded<AuthSettings>(loadSettings);
  const [form, setForm] = useState<SignInSecurityForm | null>(null);
  const [fields, setFields] = useState<Partial<Record<NumberSetting, string>>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (saved) setForm(formFrom(saved));
  }, [saved]);

  if (!saved || !form) return <Pending error={error} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const { changes, fields: problems } = changesFrom(saved, form);
    setFields(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(changes).length === 0) return setDone('Nothing to save: no setting was changed.');
    setBusy(true);
    void api.invoke('auth.updateSettings', changes).then(async (result) => {
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setSaved(result.data);
      setDone('Saved.');
      // Requiring two-factor of system admins applies to this admin too: enrolment comes first.
      await checkEnrolmentRequired();
    });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="sign-in-security-form">
      {NUMBER_SETTINGS.map(({ key, label }) => (
        <FormField
          key={key}
          label={label}
          type="number"
          value={form.numbers[key]}
          onChange={(value) => setForm({ ...form, numbers: { ...form.numbers, [key]: value } })}
          error={fields[key]}
          testId={`sign-in-security-${key}`}
        />
      ))}
      <Check checked={form.selfRegistration} onChange={(selfRegistration) => setForm({ ...form, selfRegistration })} testId="sign-in-security-self-registration">
        The sign-in screen offers self-registration of new companies
      </Check>
      <Check
        checked={form.requireTwoFactorForSystemAdmins}
        onChange={(requireTwoFactorForSystemAdmins) => setForm({ ...form, requireTwoFactorForSystemAdmins })}
        testId="sign-in-security-require-system-2fa"
      >
        Require two-factor sign-in for system admins (those without it, you included, must set it up before anything else)
      </Check>
      <Outcome error={error} done={done} busy={busy} />
    </form>
  );
}

function TenantSignInPolicy() {
  const { data: policy, setData: setPolicy, error, setError } = useLoaded<TenantSignInPolicyView>(loadPolicy);
  const [required, setRequired] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (policy) setRequired(policy.requireTwoFactorForAdmins);
  }, [policy]);

  if (!policy) return <Pending error={error} />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setBusy(true);
    void api.invoke('auth.updateTenantPolicy', { requireTwoFactorForAdmins: required }).then(async (result) => {
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      setError(null);
      setPolicy(result.data);
      setDone('Saved.');
      await checkEnrolmentRequired();
    });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="tenant-sign-in-policy-form">
      <Check checked={required} onChange={setRequired} testId="tenant-sign-in-policy-require-2fa">
        Require two-factor sign-in for this company&rsquo;s admins (those without it, you included, must set it up before anything else)
      </Check>
      <Outcome error={error} done={done} busy={busy} />
    </form>
  );
}

function Check({ checked, onChange, testId, children }: { checked: boolean; onChange: (checked: boolean) => void; testId: string; children: ReactNode }) {
  return (
    <label className="form-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span>{children}</span>
    </label>
  );
}

function Outcome({ error, done, busy }: { error: string | null; done: string | null; busy: boolean }) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="accepted" role="status" data-testid="sign-in-security-saved">
          {done}
        </p>
      )}
      <div className="form-actions">
        <SubmitButton busy={busy} className="primary" data-testid="sign-in-security-save">
          Save
        </SubmitButton>
      </div>
    </>
  );
}

function Pending({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : (
    <p className="muted">Loading…</p>
  );
}
