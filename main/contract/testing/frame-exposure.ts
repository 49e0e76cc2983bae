import type { Role } from '../../auth/session';
import type { ServerMessage } from '../protocol';

/**
 * What may never leave the console, and where personal data may: the rule a property test
 * applies to every frame a client receives (results and events alike).
 *
 * - `secret` (passwords, password hashes, sealed values, TOTP secrets, recovery codes, the data
 *   key): in no frame, ever, masked or not.
 * - `token` (a session token): only in frames of the connections that hold it (that signed in
 *   with it, or resumed it).
 * - `account-email` (a user's email, in full): only in the result of `users.get` asked by a
 *   system admin or an admin of that user's tenant, and in the user's own account
 *   (`CurrentUser` in auth.me, sign-in and resume results). Masked forms (`j***@example.com`)
 *   are fine anywhere.
 * - `subscriber` (a hotspot or PPPoE login that is a phone number or email): only in the
 *   session list results of its tenant (the authorized invoke); never in an event.
 */
export type Needle =
  | { kind: 'secret'; value: string; label: string }
  | { kind: 'token'; value: string; label: string; holders: readonly string[] }
  | { kind: 'account-email'; value: string; label: string }
  | { kind: 'subscriber'; value: string; label: string; tenantId: number };

/** Who received a frame: the connection and the user signed in on it when it arrived. */
export interface Receiver {
  connection: string;
  role: Role | null;
  tenantId: number | null;
}

/** A result frame with the invoke it answers (events and errors have none). */
export interface ReceivedFrame {
  frame: ServerMessage;
  invoke?: string;
}

/** Invokes whose result is the caller's own account (`user` or `CurrentUser`). */
const OWN_ACCOUNT_INVOKES = new Set(['auth.me', 'auth.signIn', 'auth.resume', 'auth.completeSignIn', 'setup.createAdmin']);
const SESSION_LISTS = new Set(['sessions.hotspot.list', 'sessions.pppoe.list']);

/** Anything of this form is a password hash (main/auth/password.ts), whoever's it is. */
const PASSWORD_HASH = /scrypt\$\d+\$\d+\$\d+\$/;

const okData = ({ frame, invoke }: ReceivedFrame, names: ReadonlySet<string>): Record<string, unknown> | null =>
  frame.type === 'result' && frame.ok && invoke !== undefined && names.has(invoke) ? (frame.data as Record<string, unknown>) : null;

const sameText = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole values only: `ann@x.example` is not inside `joann@x.example`, nor `0712345678` inside a longer number. */
const patterns = new Map<string, RegExp>();
const occurs = (text: string, value: string) => {
  let pattern = patterns.get(value);
  if (!pattern) patterns.set(value, (pattern = new RegExp(`(^|[^A-Za-z0-9._%+-])${escape(value)}(?![A-Za-z0-9])`, 'i')));
  return pattern.test(text);
};

function emailAllowed(received: ReceivedFrame, receiver: Receiver, email: string): boolean {
  const own = okData(received, OWN_ACCOUNT_INVOKES);
  if (own && sameText((own.user as Record<string, unknown> | null | undefined)?.email, email)) return true;
  const user = okData(received, new Set(['users.get']));
  if (!user || !sameText(user.email, email)) return false;
  return receiver.role === 'system_admin' || (receiver.role === 'tenant_admin' && receiver.tenantId !== null && receiver.tenantId === user.tenantId);
}

function subscriberAllowed(received: ReceivedFrame, receiver: Receiver, tenantId: number): boolean {
  if (!okData(received, SESSION_LISTS)) return false;
  return receiver.role === 'system_admin' || (receiver.role !== null && receiver.tenantId === tenantId);
}

/** What a frame exposes that it may not, in words (empty: nothing). */
export function exposures(received: ReceivedFrame, receiver: Receiver, needles: Iterable<Needle>): string[] {
  const text = JSON.stringify(received.frame);
  const found: string[] = [];
  if (PASSWORD_HASH.test(text)) found.push('a password hash (scrypt$…)');
  for (const needle of needles) {
    if (needle.value === '') continue;
    const present = needle.kind === 'account-email' || needle.kind === 'subscriber' ? occurs(text, needle.value) : text.includes(needle.value);
    if (!present) continue;
    const allowed =
      needle.kind === 'token'
        ? needle.holders.includes(receiver.connection)
        : needle.kind === 'account-email'
          ? emailAllowed(received, receiver, needle.value)
          : needle.kind === 'subscriber'
            ? subscriberAllowed(received, receiver, needle.tenantId)
            : false;
    if (!allowed) found.push(`${needle.kind} ${needle.label}`);
  }
  return found;
}
