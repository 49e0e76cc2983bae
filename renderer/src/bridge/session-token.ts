/**
 * Where the browser keeps the session token: per tab, gone when the tab closes. The sign-in
 * flow writes it; the WebSocket bridge re-attaches it first thing after every reconnect.
 */
export const SESSION_TOKEN_KEY = 'noc.sessionToken';

export function storedSessionToken(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(SESSION_TOKEN_KEY);
  } catch {
    return null;
  }
}
