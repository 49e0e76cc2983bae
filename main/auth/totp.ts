import { generateSecret, generateURI, verify } from 'otplib';

/**
 * TOTP (RFC 6238) as authenticator apps do it: SHA-1, 6 digits, 30 s steps, a 160-bit Base32
 * secret. A thin layer over otplib so the rest of the auth code speaks in time steps.
 */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = 'NOC Console';
const CODE = /^\d{6}$/;

export const newTotpSecret = (): string => generateSecret();

/** The otpauth:// URI an authenticator app scans (shown as a QR code). */
export const totpUri = (secret: string, account: string): string => generateURI({ issuer: ISSUER, label: account, secret });

/** A code as typed ("123 456", "123456") or null when it is not six digits. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, '');
  return CODE.test(code) ? code : null;
}

/**
 * The time step a code belongs to, or null when it matches none. One step either side is
 * accepted, for a phone clock that is a little off; replay (a step already used) is the caller's
 * check, against the step it stored.
 */
export async function totpStep(secret: string, code: string, nowMs: number): Promise<number | null> {
  const result = await verify({ secret, token: code, epoch: Math.floor(nowMs / 1000), epochTolerance: TOTP_PERIOD_SECONDS });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
