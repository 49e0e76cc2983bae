import type { z } from 'zod';
import { emailChannelInput, type EmailChannelSettings } from '../../../../main/notifications/contract';
import { fieldsOfIssues } from '../../components/issue-fields';
import { listOf, secretChange, type SecretValues } from './secret-field';

export type EmailField = 'host' | 'port' | 'security' | 'user' | 'password' | 'from' | 'staffRecipients';
export type EmailFieldErrors = Partial<Record<EmailField, string>>;
export const EMAIL_FIELDS: ReadonlySet<string> = new Set<EmailField>(['host', 'port', 'security', 'user', 'password', 'from', 'staffRecipients']);

export interface EmailFormValues {
  host: string;
  port: string;
  security: EmailChannelSettings['security'];
  user: string;
  /** The sealed password: never shown, only whether one is saved, a replacement, or its removal. */
  password: SecretValues;
  from: string;
  /** Staff addresses, one a line (or separated by commas). */
  staffRecipients: string;
}

export type EmailChannelInput = z.input<typeof emailChannelInput>;

/** The form of the saved channel, or a blank one on the usual submission port (587, STARTTLS). */
export function emailFormOf(saved: EmailChannelSettings | null): EmailFormValues {
  return {
    host: saved?.host ?? '',
    port: String(saved?.port ?? 587),
    security: saved?.security ?? 'starttls',
    user: saved?.user ?? '',
    password: { set: saved?.passwordSet ?? false, replacement: '', remove: false },
    from: saved?.from ?? '',
    staffRecipients: (saved?.staffRecipients ?? []).join('\n'),
  };
}

/**
 * The form as the channel's part of `notifications.updateSettings`, checked with the contract's
 * own schema (the backend checks again), or every field's problem at once. The password is left
 * out unless replaced or removed, so saving other fields keeps the sealed one.
 */
export function emailInputOf(values: EmailFormValues): { ok: true; input: EmailChannelInput } | { ok: false; errors: EmailFieldErrors } {
  const port = Number(values.port.trim());
  const input: EmailChannelInput = {
    host: values.host.trim(),
    port: Number.isInteger(port) ? port : NaN,
    security: values.security,
    user: values.user.trim() === '' ? null : values.user.trim(),
    ...secretChange('password', values.password),
    from: values.from.trim(),
    staffRecipients: listOf(values.staffRecipients),
  };
  const parsed = emailChannelInput.safeParse(input);
  if (parsed.success) return { ok: true, input };
  const errors = fieldsOfIssues<EmailField>(parsed.error.issues, EMAIL_FIELDS);
  if (parsed.error.issues.some((i) => i.path[0] === 'port')) errors.port = 'a port from 1 to 65535 (465 for TLS, 587 for STARTTLS)';
  return { ok: false, errors };
}
