import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import type { AuthSettings } from './auth-settings';
import type { Role } from './session';

/** The signed-in user as the renderer sees itself (full values: it is the user's own account). */
export interface CurrentUser {
  id: number;
  username: string;
  name: string;
  email: string;
  role: Role;
  tenantId: number | null;
  tenantName: string | null;
}

/**
 * A signed-in session. Keep `token` (the browser bridge in sessionStorage) and send it with
 * `auth.resume` on a new connection to stay signed in across reconnects.
 */
export interface SignInResult {
  token: string;
  /** When the session ends at the latest (absolute expiry); idle expiry comes sooner if unused. */
  expiresAt: string;
  user: CurrentUser;
}

export interface SignInAttemptEvent {
  /** The username as typed (trimmed, at most 64 characters); it may not exist. */
  username: string;
  userId: number | null;
  tenantId: number | null;
  reason: 'bad_credentials' | 'locked' | 'disabled';
  /** Failures counted towards the lockout so far, this one included. */
  failures: number;
  at: string;
}

export interface AccountLockedEvent {
  username: string;
  userId: number | null;
  tenantId: number | null;
  failures: number;
  lockedUntil: string;
  at: string;
}

const field = z.string().max(1000).default('');
const settingsChanges = z
  .object({
    maxFailures: z.number().int().min(1).max(100),
    failureWindowMinutes: z.number().int().min(1).max(1440),
    lockMinutes: z.number().int().min(1).max(1440),
    sessionIdleMinutes: z.number().int().min(1).max(43200),
    sessionAbsoluteMinutes: z.number().int().min(5).max(129600),
    selfRegistration: z.boolean(),
  })
  .partial()
  .strict();

export const authInvokes = {
  'auth.signIn': defineInvoke<SignInResult>()({
    input: z.object({ username: z.string().max(200), password: z.string().max(1000) }).strict(),
    summary: 'Signs this connection in. Wrong username or password give the same error; too many failures lock the username for a while.',
  }),
  'auth.resume': defineInvoke<SignInResult>()({
    input: z.object({ token: z.string().min(1).max(200) }).strict(),
    summary: 'Re-attaches a session (from auth.signIn) to this connection after a reconnect or reload.',
  }),
  'auth.signOut': defineInvoke<{ signedOut: boolean }>()({
    input: z.object({}).strict(),
    summary: 'Ends the session of this connection (its token stops working everywhere).',
  }),
  'auth.me': defineInvoke<{ user: CurrentUser | null }>()({
    input: z.object({}).strict(),
    summary: 'The user signed in on this connection, or null.',
  }),
  'auth.changePassword': defineInvoke<{ changed: true }>()({
    input: z.object({ currentPassword: z.string().max(1000), newPassword: field }).strict(),
    summary: "Changes the signed-in user's password (the current one is required); other sessions of the user end.",
  }),
  'auth.settings': defineInvoke<AuthSettings>()({
    input: z.object({}).strict(),
    summary: 'Lockout, session expiry and self-registration settings.',
  }),
  'auth.updateSettings': defineInvoke<AuthSettings>()({
    input: settingsChanges,
    summary: 'Changes lockout, session expiry or self-registration settings (system admins).',
  }),
  'setup.status': defineInvoke<{ needsSetup: boolean; selfRegistration: boolean }>()({
    input: z.object({}).strict(),
    summary: 'Whether the console still needs its first system admin, and whether tenants may self-register.',
  }),
  'setup.createAdmin': defineInvoke<SignInResult>()({
    input: z.object({ name: field, username: field, email: field, password: field, password_confirmation: field }).strict(),
    summary: 'Creates the first system admin and signs in as it. Works only while no user exists.',
  }),
};

export const authEvents = {
  LoginFailed: defineEvent<SignInAttemptEvent>()({
    scope: 'tenant',
    topic: 'security',
    withoutTenant: 'system',
    summary: "A sign-in failed: always on system.security, and on tenant.{id}.security for the account's tenant.",
  }),
  AccountLocked: defineEvent<AccountLockedEvent>()({
    scope: 'tenant',
    topic: 'security',
    withoutTenant: 'system',
    summary: 'Too many failed sign-ins locked a username: system.security, and the tenant channel when the account exists.',
  }),
};
