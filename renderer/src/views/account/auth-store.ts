import { create } from 'zustand';
import type { CurrentUser, SignInResult } from '../../../../main/auth/contract';
import type { ContractError } from '../../../../main/contract/errors';

/**
 * loading: asking the backend; setup: no user exists yet; then signed out or in. Between them,
 * `code`: the password was right and the two-factor code is owed; `enrol`: signed in, but the
 * account must set up two-factor sign-in before anything else works.
 */
export type AuthPhase = 'loading' | 'setup' | 'signed-out' | 'code' | 'enrol' | 'signed-in';

export type FieldErrors = Record<string, string>;

export interface AuthState {
  phase: AuthPhase;
  user: CurrentUser | null;
  /** Whether the sign-in screen offers tenant self-registration (a backend setting). */
  selfRegistration: boolean;
  busy: boolean;
  /** The last form's error (sign-in, setup, password change), shown above the form. */
  error: string | null;
  /** Field → message from an `invalid_input` error's `details.fields`. */
  fields: FieldErrors;
  /** Phase `code`: when the backend stops waiting for it (ISO time). */
  codeExpiresAt: string | null;
}

export const initialAuthState: AuthState = { phase: 'loading', user: null, selfRegistration: false, busy: false, error: null, fields: {}, codeExpiresAt: null };

/** Sign-in state of this window. Pure zustand: the actions that talk to the backend are in auth-actions.ts. */
export const useAuthStore = create<AuthState>(() => initialAuthState);

export const authSelectors = {
  phase: (s: AuthState) => s.phase,
  user: (s: AuthState) => s.user,
  selfRegistration: (s: AuthState) => s.selfRegistration,
  busy: (s: AuthState) => s.busy,
  error: (s: AuthState) => s.error,
  fields: (s: AuthState) => s.fields,
  codeExpiresAt: (s: AuthState) => s.codeExpiresAt,
};

/** Signed in: straight to the app, or to enrolment when the session is restricted to it. */
export const phaseAfterSignIn = (result: Pick<SignInResult, 'restriction'>): AuthPhase => (result.restriction === 'two_factor_enrolment' ? 'enrol' : 'signed-in');

/**
 * The code was refused: a wrong or reused code stays on the code step (try again); a lockout,
 * or a step the backend no longer waits for, goes back to the password with the reason.
 */
export function codeRefused(error: ContractError, codeExpiresAt: string | null, now: number): Partial<AuthState> {
  const expired = codeExpiresAt === null || now >= Date.parse(codeExpiresAt);
  if (error.code === 'unauthenticated' && !expired) return { busy: false, error: error.message, fields: {} };
  return { phase: 'signed-out', busy: false, error: error.message, fields: {}, codeExpiresAt: null };
}

/** The per-field messages of an error (`details.fields`), or none. */
export function fieldErrorsOf(error: ContractError): FieldErrors {
  const fields = (error.details as { fields?: unknown } | undefined)?.fields;
  if (typeof fields !== 'object' || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** A form failed: field messages go on their fields, anything else above the form. */
export function formFailed(error: ContractError): Pick<AuthState, 'busy' | 'error' | 'fields'> {
  const fields = fieldErrorsOf(error);
  return { busy: false, fields, error: Object.keys(fields).length > 0 ? null : error.message };
}

export function resetAuthStore(): void {
  useAuthStore.setState(initialAuthState, true);
}
