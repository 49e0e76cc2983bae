import '../../styles/accounts.css';
import { useEffect, type ReactNode } from 'react';
import { ensureAuthBooted } from './auth-actions';
import { authSelectors, useAuthStore } from './auth-store';
import { SetupView } from './setup-view';
import { SignInView } from './sign-in-view';

/**
 * What a window shows before anyone is signed in: the setup screen on first run, the sign-in
 * screen otherwise; the children once signed in. Wrap the app (or a view) with it.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const phase = useAuthStore(authSelectors.phase);
  useEffect(() => void ensureAuthBooted(), []);
  if (phase === 'signed-in') return <>{children}</>;
  return (
    <div className="auth-screen" data-testid={`auth-${phase}`}>
      {phase === 'loading' ? <p className="muted">Connecting…</p> : phase === 'setup' ? <SetupView /> : <SignInView />}
    </div>
  );
}
