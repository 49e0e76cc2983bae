import { signOut } from './auth-actions';
import { TwoFactorSection } from './two-factor-section';

/** Signed in, but the account must set up two-factor sign-in before anything else works. */
export function EnrolRequiredView() {
  return (
    <section className="panel" aria-labelledby="enrol-required-title" data-testid="enrol-required">
      <h1 id="enrol-required-title">Set up two-factor sign-in</h1>
      <p>Your company requires two-factor sign-in for your account. Set it up to continue.</p>
      <TwoFactorSection />
      <p>
        <button type="button" className="ghost" onClick={() => void signOut()} data-testid="enrol-required-sign-out">
          Sign out
        </button>
      </p>
    </section>
  );
}
