import type { ClientMessage } from './protocol';

/**
 * Where a window keeps its session token: per tab (sessionStorage), gone when it closes. The
 * renderer's sign-in flow writes it; whatever carries the protocol (the browser's WebSocket
 * bridge, the desktop preload over a console server) re-attaches it first thing after a reconnect.
 */
export const SESSION_TOKEN_KEY = 'noc.sessionToken';

export function storedSessionToken(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(SESSION_TOKEN_KEY);
  } catch {
    return null;
  }
}

/** The first message on a new connection (it starts signed out): re-attach the kept session, if any, before resubscribing. */
export function resumePreamble(): ClientMessage[] {
  const token = storedSessionToken();
  return token ? [{ type: 'invoke', id: 0, name: 'auth.resume', input: { token } }] : [];
}
