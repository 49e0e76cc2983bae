import type { SignInResult } from '../../../../main/auth/contract';
import type { InvokeInput } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { setSessionUser } from '../../stores/session-store';
import { codeRefused, formFailed, phaseAfterSignIn, useAuthStore } from './auth-store';

import { SESSION_TOKEN_KEY } from '../../bridge/session-token';

const storage = (): Storage | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage);
let booted: Promise<void> | null = null;

function signedIn(result: SignInResult): void {
  storage()?.setItem(SESSION_TOKEN_KEY, result.token);
  const { id, username, role, tenantId } = result.user;
  setSessionUser({ id, username, role, tenantId });
  useAuthStore.setState({ phase: phaseAfterSignIn(result), user: result.user, busy: false, error: null, fields: {}, codeExpiresAt: null });
}

function signedOut(message: string | null = null): void {
  storage()?.removeItem(SESSION_TOKEN_KEY);
  setSessionUser(null);
  useAuthStore.setState({ phase: 'signed-out', user: null, busy: false, error: message, fields: {}, codeExpiresAt: null });
}

async function resume(token: string): Promise<boolean> {
  const result = await api.invoke('auth.resume', { token });
  if (result.ok) signedIn(result.data);
  else if (result.error.code === 'unauthenticated') signedOut(result.error.message);
  return result.ok;
}

/** Finds out once per window whether setup is needed, and resumes a session kept in this tab. */
export function ensureAuthBooted(): Promise<void> {
  booted ??= (async () => {
    const status = await api.invoke('setup.status', {});
    if (!status.ok) {
      useAuthStore.setState({ phase: 'signed-out', error: status.error.message });
      return;
    }
    useAuthStore.setState({ selfRegistration: status.data.selfRegistration });
    if (status.data.needsSetup) {
      useAuthStore.setState({ phase: 'setup' });
      return;
    }
    const token = storage()?.getItem(SESSION_TOKEN_KEY);
    if (!token || !(await resume(token))) useAuthStore.setState((s) => (s.phase === 'signed-in' ? {} : { phase: 'signed-out' }));
    // A new connection starts signed out on the backend: re-attach the session after each reconnect.
    // A code step waiting on the old connection is gone with it (it is never resumable).
    let first = true;
    api.onConnectionState((state) => {
      if (state !== 'connected') return;
      if (first) return void (first = false);
      const { phase } = useAuthStore.getState();
      if (phase === 'code') return signedOut('The connection dropped during sign-in. Sign in again.');
      const kept = storage()?.getItem(SESSION_TOKEN_KEY);
      if (kept && (phase === 'signed-in' || phase === 'enrol')) void resume(kept);
    });
  })();
  return booted;
}

export async function signIn(username: string, password: string): Promise<void> {
  useAuthStore.setState({ busy: true, error: null, fields: {} });
  const result = await api.invoke('auth.signIn', { username, password });
  if (!result.ok) useAuthStore.setState(formFailed(result.error));
  else if ('secondStep' in result.data) useAuthStore.setState({ phase: 'code', busy: false, codeExpiresAt: result.data.expiresAt });
  else signedIn(result.data);
}

/** The second step: the authenticator code (or a recovery code) after a right password. */
export async function completeSignIn(code: string): Promise<void> {
  useAuthStore.setState({ busy: true, error: null, fields: {} });
  const result = await api.invoke('auth.completeSignIn', { code });
  if (result.ok) signedIn(result.data);
  else useAuthStore.setState((s) => codeRefused(result.error, s.codeExpiresAt, Date.now()));
}

/** Leaves the code step for the password form. */
export function backToSignIn(): void {
  signedOut();
}

/**
 * Whether this session must still enrol (after a setting changed, or two-factor was turned off):
 * asks the backend and moves the window to enrolment, or out of it.
 */
export async function checkEnrolmentRequired(): Promise<void> {
  const result = await api.invoke('auth.twoFactor.status', {});
  if (!result.ok) return;
  const mustEnrol = result.data.required && !result.data.enrolled;
  useAuthStore.setState((s) => (s.phase === 'signed-in' || s.phase === 'enrol' ? { phase: mustEnrol ? 'enrol' : 'signed-in' } : {}));
}

export async function createFirstAdmin(fields: InvokeInput<'setup.createAdmin'>): Promise<void> {
  useAuthStore.setState({ busy: true, error: null, fields: {} });
  const result = await api.invoke('setup.createAdmin', fields);
  if (result.ok) signedIn(result.data);
  else if (result.error.code === 'conflict') useAuthStore.setState({ phase: 'signed-out', busy: false, error: result.error.message });
  else useAuthStore.setState(formFailed(result.error));
}

export async function signOut(): Promise<void> {
  await api.invoke('auth.signOut', {});
  signedOut();
}

/** True when the password was changed; otherwise the store holds the messages. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<boolean> {
  useAuthStore.setState({ busy: true, error: null, fields: {} });
  const result = await api.invoke('auth.changePassword', { currentPassword, newPassword });
  if (result.ok) {
    useAuthStore.setState({ busy: false });
    return true;
  }
  if (result.error.code === 'unauthenticated') signedOut(result.error.message);
  else useAuthStore.setState(formFailed(result.error));
  return false;
}
