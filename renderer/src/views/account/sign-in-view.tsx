import { useState, type FormEvent } from 'react';
import { api } from '../../bridge/api';
import { RegistrationForm } from '../tenants/registration-form';
import { signIn } from './auth-actions';
import { authSelectors, useAuthStore } from './auth-store';
import { FormField } from './form-field';
import { ConsoleBackendLine } from './console-backend-view';

/** Sign-in, and (when the backend allows it) a company's self-registration. */
export function SignInView() {
  const busy = useAuthStore(authSelectors.busy);
  const error = useAuthStore(authSelectors.error);
  const fields = useAuthStore(authSelectors.fields);
  const selfRegistration = useAuthStore(authSelectors.selfRegistration);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [registering, setRegistering] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(username, password).then(() => setPassword(''));
  };

  if (registering) {
    return (
      <section className="panel" aria-labelledby="register-title">
        <h1 id="register-title">Register your company</h1>
        <RegistrationForm submit={(input) => api.invoke('tenants.selfRegister', input)} acceptedText="Registration received. Your company is being set up; sign in with the admin account in a moment." />
        <p>
          <button type="button" className="ghost" onClick={() => setRegistering(false)} data-testid="register-back">
            Back to sign-in
          </button>
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <ConsoleBackendLine />
      <form className="form" onSubmit={submit} data-testid="sign-in-form">
        <FormField label="Username" value={username} onChange={setUsername} error={fields.username} autoComplete="username" autoFocus required testId="sign-in-username" />
        <FormField label="Password" type="password" value={password} onChange={setPassword} error={fields.password} autoComplete="current-password" required testId="sign-in-password" />
        {error && (
          <p className="error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          {selfRegistration && (
            <button type="button" className="ghost" onClick={() => setRegistering(true)} data-testid="sign-in-register">
              Register a company
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
