import '../../styles/accounts.css';
import { useEffect, type ReactNode } from 'react';
import { ensureAuthBooted } from './auth-actions';
import { authSelectors, useAuthStore } from './auth-store';
import { EnrolRequiredView } from './enrol-required-view';
import { SetupView } from './setup-view';
import { SignInCodeView } from './sign-in-code-view';
import { SignInView } from './sign-in-view';

const SCREENS = { setup: SetupView, 'signed-out': SignInView, code: SignInCodeView, enrol: EnrolRequiredView } as const;

/**
 * What a window shows before anyone is signed in: the setup screen on first run, the sign-in
 * screen otherwise (then the code step, for two-factor accounts, and enrolment, for admins who
 * must have it); the children once signed in. Wrap the app (or a view) with it.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const phase = useAuthStore(authSelectors.phase);
  useEffect(() => void ensureAuthBooted(), []);
  if (phase === 'signed-in') return <>{children}</>;
  const Screen = phase === 'loading' ? null : SCREENS[phase];
  return (
    <div className="auth-screen" data-testid={`auth-${phase}`}>
      {Screen ? <Screen /> : <p className="muted">Connecting…</p>}
    </div>
  );
}
