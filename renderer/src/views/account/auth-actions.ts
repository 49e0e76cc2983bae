import type { SignInResult } from '../../../../main/auth/contract';
import type { InvokeInput } from '../../../../main/contract';
import { api } from '../../bridge/api';
import { setSessionUser } from '../../stores/session-store';
import { formFailed, useAuthStore } from './auth-store';

import { SESSION_TOKEN_KEY } from '../../bridge/session-token';

const storage = (): Storage | null => (typeof sessionStorage === 'undefined' ? null : sessionStorage);
let booted: Promise<void> | null = null;

function signedIn(result: SignInResult): void {
  storage()?.setItem(SESSION_TOKEN_KEY, result.token);
  const { id, username, role, tenantId } = result.user;
  setSessionUser({ id, username, role, tenantId });
  useAuthStore.setState({ phase: 'signed-in', user: result.user, busy: false, error: null, fields: {} });
}

function signedOut(message: string | null = null): void {
  storage()?.removeItem(SESSION_TOKEN_KEY);
  setSessionUser(null);
  useAuthStore.setState({ phase: 'signed-out', user: null, busy: false, error: message, fields: {} });
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
    let first = true;
    api.onConnectionState((state) => {
      if (state !== 'connected') return;
      if (first) return void (first = false);
      const kept = storage()?.getItem(SESSION_TOKEN_KEY);
      if (kept && useAuthStore.getState().phase === 'signed-in') void resume(kept);
    });
  })();
  return booted;
}

export async function signIn(username: string, password: string): Promise<void> {
  useAuthStore.setState({ busy: true, error: null, fields: {} });
  const result = await api.invoke('auth.signIn', { username, password });
  if (result.ok) signedIn(result.data);
  else useAuthStore.setState(formFailed(result.error));
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
