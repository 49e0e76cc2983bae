import '../../styles/accounts.css';
import { useEffect, type ReactNode } from 'react';
import { ensureAuthBooted } from './auth-actions';
import { authSelectors, useAuthStore } from './auth-store';
import { EnrolRequiredView } from './enrol-required-view';
import { SetupView } from './setup-view';
import { SignInCodeView } from './sign-in-code-view';
import { SignInView } from './sign-in-view';
import { consoleBackend, consoleBackendSelectors, loadConsoleBackend, useConsoleBackendStore } from './console-backend-store';
import { ConsoleBackendProblem, ConsoleBackendView } from './console-backend-view';

const SCREENS = { setup: SetupView, 'signed-out': SignInView, code: SignInCodeView, enrol: EnrolRequiredView } as const;

/**
 * What a window shows before anyone is signed in: the setup screen on first run, the sign-in
 * screen otherwise (then the code step, for two-factor accounts, and enrolment, for admins who
 * must have it); the children once signed in. Wrap the app (or a view) with it. On the desktop,
 * before all of it, where the console runs (this computer or a console server): until that is
 * chosen, no backend answers, so the boot's first invoke waits for it.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const phase = useAuthStore(authSelectors.phase);
  const choice = useConsoleBackendStore(consoleBackendSelectors.choice);
  useEffect(() => void loadConsoleBackend(), []);
  useEffect(() => void ensureAuthBooted(), []);
  if (phase === 'signed-in') {
    return (
      <>
        <ConsoleBackendProblem />
        {children}
      </>
    );
  }
  if (consoleBackend() && choice === null) {
    return (
      <div className="auth-screen" data-testid="auth-choose-backend">
        <ConsoleBackendView />
      </div>
    );
  }
  const Screen = phase === 'loading' ? null : SCREENS[phase];
  return (
    <div className="auth-screen" data-testid={`auth-${phase}`}>
      <ConsoleBackendProblem />
      {Screen ? <Screen /> : <p className="muted">Connecting…</p>}
    </div>
  );
}
