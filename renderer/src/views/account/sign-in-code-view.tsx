import { useState, type FormEvent } from 'react';
import { backToSignIn, completeSignIn } from './auth-actions';
import { authSelectors, useAuthStore } from './auth-store';
import { FormField } from './form-field';

/** The second step of a sign-in: the authenticator code, or a recovery code. */
export function SignInCodeView() {
  const busy = useAuthStore(authSelectors.busy);
  const error = useAuthStore(authSelectors.error);
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void completeSignIn(code).then(() => setCode(''));
  };
  return (
    <section className="panel" aria-labelledby="sign-in-code-title">
      <h1 id="sign-in-code-title">Enter your code</h1>
      <form className="form" onSubmit={submit} data-testid="sign-in-code-form">
        <p className="muted">Open your authenticator app and enter the 6-digit code it shows. Lost your phone? Enter one of your recovery codes.</p>
        <FormField label="Code" value={code} onChange={setCode} autoComplete="one-time-code" autoFocus required testId="sign-in-code" />
        {error && (
          <p className="error" role="alert" data-testid="sign-in-code-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="sign-in-code-submit">
            {busy ? 'Checking…' : 'Sign in'}
          </button>
          <button type="button" className="ghost" onClick={backToSignIn} data-testid="sign-in-code-back">
            Back
          </button>
        </div>
      </form>
    </section>
  );
}
