import { useState, type FormEvent } from 'react';
import { changePassword, signOut } from './auth-actions';
import { authSelectors, useAuthStore } from './auth-store';
import { FormField } from './form-field';
import { TwoFactorSection } from './two-factor-section';
import { ROLE_LABEL } from '../../app/role-labels';

/** My account: who I am, my password, two-factor sign-in, sign-out (behind the frame's sign-in gate). */
export function AccountView() {
  const user = useAuthStore(authSelectors.user)!;
  const busy = useAuthStore(authSelectors.busy);
  const error = useAuthStore(authSelectors.error);
  const fields = useAuthStore(authSelectors.fields);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>();
  const [changed, setChanged] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    if (next !== again) return setMismatch('The passwords do not match.');
    setMismatch(undefined);
    void changePassword(current, next).then((ok) => {
      if (!ok) return;
      setChanged(true);
      setCurrent('');
      setNext('');
      setAgain('');
    });
  };

  const facts: Array<[string, string, string]> = [
    ['Name', user.name, 'account-name'],
    ['Username', user.username, 'account-username'],
    ['Email', user.email, 'account-email'],
    ['Role', ROLE_LABEL[user.role], 'account-role'],
    ['Tenant', user.tenantName ?? 'All tenants (system)', 'account-tenant'],
  ];
  return (
    <section className="panel" aria-labelledby="account-title">
      <h1 id="account-title">My account</h1>
      <dl className="facts accounts-section">
        {facts.map(([label, value, id]) => (
          <div key={id} className="fact">
            <dt>{label}</dt>
            <dd data-testid={id}>{value}</dd>
          </div>
        ))}
      </dl>
      <form className="form accounts-section" onSubmit={submit} data-testid="password-form">
        <h2>Change password</h2>
        <FormField label="Current password" type="password" value={current} onChange={setCurrent} error={fields.currentPassword} autoComplete="current-password" testId="password-current" />
        <FormField label="New password" type="password" value={next} onChange={setNext} error={fields.newPassword} autoComplete="new-password" testId="password-new" />
        <FormField label="New password again" type="password" value={again} onChange={setAgain} error={mismatch} autoComplete="new-password" testId="password-again" />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {changed && (
          <p className="accepted" role="status" data-testid="password-changed">
            Password changed. Your other sessions were signed out.
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="password-submit">
            Change password
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => void signOut()} data-testid="sign-out">
            Sign out
          </button>
        </div>
      </form>
      <TwoFactorSection />
    </section>
  );
}
