import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import type { Role, SessionRestriction } from './session';
import { twoFactorInvokes, type SecondStepRequired } from './two-factor-contract';

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
  /** Present when the session may only enrol in two-factor sign-in (required for this admin, not set up yet). */
  restriction?: SessionRestriction;
}

export interface SignInAttemptEvent {
  /** The username as typed (trimmed, at most 64 characters); it may not exist. */
  username: string;
  userId: number | null;
  tenantId: number | null;
  /** bad_code: the password was right, the two-factor or recovery code was not (or was used before). */
  reason: 'bad_credentials' | 'bad_code' | 'locked' | 'disabled';
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

/** Sign-in, lockout, session, registration and two-factor settings (kept in the `settings` table by auth-settings.ts). */
export const authSettingsSchema = z.object({
  /** Failed sign-ins within the window that lock a username. */
  maxFailures: z.number().int().min(1).max(100),
  failureWindowMinutes: z.number().int().min(1).max(24 * 60),
  lockMinutes: z.number().int().min(1).max(24 * 60),
  /** A session unused this long ends; resuming it needs a new sign-in. */
  sessionIdleMinutes: z.number().int().min(1).max(30 * 24 * 60),
  /** A session ends this long after sign-in, used or not. */
  sessionAbsoluteMinutes: z.number().int().min(5).max(90 * 24 * 60),
  /** Whether the sign-in screen offers tenant self-registration. Off by default. */
  selfRegistration: z.boolean(),
  /** System admins must use two-factor sign-in (one who has not enrolled is taken to enrolment). */
  requireTwoFactorForSystemAdmins: z.boolean(),
});

export type AuthSettings = z.infer<typeof authSettingsSchema>;

const field = z.string().max(1000).default('');
const settingsChanges = authSettingsSchema.partial().strict();

export const authInvokes = {
  'auth.signIn': defineInvoke<SignInResult | SecondStepRequired>()({
    input: z.object({ username: z.string().max(200), password: z.string().max(1000) }).strict(),
    summary:
      'Signs this connection in. Wrong username or password give the same error; too many failures lock the username for a while. An account with two-factor sign-in answers { secondStep } instead: finish with auth.completeSignIn.',
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
    summary: 'Lockout, session expiry, self-registration and system-admin two-factor settings.',
  }),
  'auth.updateSettings': defineInvoke<AuthSettings>()({
    input: settingsChanges,
    summary: 'Changes lockout, session expiry, self-registration or system-admin two-factor settings (system admins).',
  }),
  'setup.status': defineInvoke<{ needsSetup: boolean; selfRegistration: boolean }>()({
    input: z.object({}).strict(),
    summary: 'Whether the console still needs its first system admin, and whether tenants may self-register.',
  }),
  'setup.createAdmin': defineInvoke<SignInResult>()({
    input: z.object({ name: field, username: field, email: field, password: field, password_confirmation: field }).strict(),
    summary: 'Creates the first system admin and signs in as it. Works only while no user exists.',
  }),
  ...twoFactorInvokes,
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
