import { useState, type FormEvent } from 'react';
import { createFirstAdmin } from './auth-actions';
import { authSelectors, useAuthStore } from './auth-store';
import { FormField } from './form-field';

/** First run without NOC_ADMIN_USERNAME: the system admin is created here, with a password of your choosing. */
export function SetupView() {
  const busy = useAuthStore(authSelectors.busy);
  const error = useAuthStore(authSelectors.error);
  const fields = useAuthStore(authSelectors.fields);
  const [form, setForm] = useState({ name: '', username: '', email: '', password: '', password_confirmation: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void createFirstAdmin(form);
  };
  return (
    <section className="panel" aria-labelledby="setup-title">
      <h1 id="setup-title">Set up the console</h1>
      <p className="muted">No account exists yet. Create the system administrator: it manages tenants and can see all of them.</p>
      <form className="form" onSubmit={submit} data-testid="setup-form">
        <FormField label="Full name" value={form.name} onChange={set('name')} error={fields.name} autoComplete="name" testId="setup-name" />
        <FormField label="Username" value={form.username} onChange={set('username')} error={fields.username} autoComplete="username" testId="setup-username" />
        <FormField label="Email" type="email" value={form.email} onChange={set('email')} error={fields.email} autoComplete="email" testId="setup-email" />
        <FormField label="Password" type="password" value={form.password} onChange={set('password')} error={fields.password} autoComplete="new-password" testId="setup-password" />
        <FormField
          label="Password again"
          type="password"
          value={form.password_confirmation}
          onChange={set('password_confirmation')}
          error={fields.password_confirmation}
          autoComplete="new-password"
          testId="setup-password-confirmation"
        />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="setup-submit">
            Create the administrator
          </button>
        </div>
      </form>
    </section>
  );
}
