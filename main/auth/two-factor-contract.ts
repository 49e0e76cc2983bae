import { z } from 'zod';
import { defineInvoke } from '../contract/define';
import type { SignInResult } from './contract';

/**
 * `auth.signIn`'s answer when the password was right and the account has two-factor sign-in:
 * nobody is signed in yet. Send the code (or a recovery code) with `auth.completeSignIn` on the
 * same connection before `expiresAt`; after that, or on another connection, sign in again.
 */
export interface SecondStepRequired {
  secondStep: 'two_factor';
  expiresAt: string;
}

/** The signed-in user's own two-factor state (My Account). */
export interface TwoFactorStatus {
  enrolled: boolean;
  /** Required for this account by its tenant's setting (tenant admins) or the system's (system admins). */
  required: boolean;
  /** An enrolment was started (auth.twoFactor.begin) and awaits its confirming code. */
  enrolling: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

/** What the authenticator app needs; shown once, while enrolling. */
export interface TwoFactorEnrolment {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** otpauth:// URI (what the QR code holds). */
  uri: string;
  /** The URI as a QR code, a data: URL for an <img>. */
  qrDataUrl: string;
}

/** New recovery codes, each usable once; shown this one time only (only hashes are kept). */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface TenantSignInPolicyView {
  tenantId: number;
  requireTwoFactorForAdmins: boolean;
}

const code = z.string().min(1).max(64);

export const twoFactorInvokes = {
  'auth.completeSignIn': defineInvoke<SignInResult>()({
    input: z.object({ code }).strict(),
    summary:
      'Second step of a sign-in that answered { secondStep }: the 6-digit code from the authenticator app or a recovery code. Wrong codes count toward the lockout like wrong passwords; a code works once.',
  }),
  'auth.twoFactor.status': defineInvoke<TwoFactorStatus>()({
    input: z.object({}).strict(),
    summary: 'Whether the signed-in user has two-factor sign-in, must have it, and how many recovery codes are left.',
  }),
  'auth.twoFactor.begin': defineInvoke<TwoFactorEnrolment>()({
    input: z.object({}).strict(),
    summary: 'Starts enrolment: a new secret and its QR code. Nothing changes for sign-in until auth.twoFactor.confirm.',
  }),
  'auth.twoFactor.confirm': defineInvoke<RecoveryCodes>()({
    input: z.object({ code }).strict(),
    summary: 'Confirms enrolment with a current code from the app: two-factor sign-in is on from now; returns the recovery codes (shown once).',
  }),
  'auth.twoFactor.disable': defineInvoke<{ disabled: true }>()({
    input: z.object({ password: z.string().max(1000), code }).strict(),
    summary: 'Turns two-factor sign-in off; needs the password and a current code (or a recovery code).',
  }),
  'auth.twoFactor.regenerateRecoveryCodes': defineInvoke<RecoveryCodes>()({
    input: z.object({ code }).strict(),
    summary: 'Replaces all recovery codes (the old ones stop working); needs a current code from the app.',
  }),
  'auth.tenantPolicy': defineInvoke<TenantSignInPolicyView>()({
    input: z.object({}).strict(),
    summary: "The sign-in rules of the tenant admin's own tenant.",
  }),
  'auth.updateTenantPolicy': defineInvoke<TenantSignInPolicyView>()({
    input: z.object({ requireTwoFactorForAdmins: z.boolean() }).strict(),
    summary: "Changes the own tenant's sign-in rules (tenant admins); its admins without two-factor sign-in are taken to enrolment.",
  }),
};
