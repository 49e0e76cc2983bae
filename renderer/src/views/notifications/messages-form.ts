import type { z } from 'zod';
import { CUSTOMER_MESSAGE_KINDS, customerMessageInput, notificationSettingsInput, type CustomerChannel, type NotificationSettings, type QuietHours } from '../../../../main/notifications/contract';
import { fieldsOfIssues } from '../../components/issue-fields';
import type { CustomerMessageKind } from './notification-labels';
import type { FieldKeyOf } from './settings-errors';

export interface MessageFormValues {
  enabled: boolean;
  template: string;
  subject: string;
  channels: CustomerChannel[];
}

export interface MessagesFormValues {
  messages: Record<CustomerMessageKind, MessageFormValues>;
  quietHours: QuietHours;
}

export type MessagesInput = { customerMessages: Record<CustomerMessageKind, z.input<typeof customerMessageInput>>; quietHours: QuietHours };

const quietHoursSchema = notificationSettingsInput.shape.quietHours.unwrap();

export function messagesFormOf(settings: Pick<NotificationSettings, 'customerMessages' | 'quietHours'>): MessagesFormValues {
  const messages = Object.fromEntries(CUSTOMER_MESSAGE_KINDS.map((kind) => [kind, { ...settings.customerMessages[kind], channels: [...settings.customerMessages[kind].channels] }])) as MessagesFormValues['messages'];
  return { messages, quietHours: { ...settings.quietHours } };
}

/** A message's problems sit under `{message}.{field}` (`expired.template`); quiet hours under `quietHours.{field}`. */
export const messagesFieldKey: FieldKeyOf = (rest) => (rest[0] === 'customerMessages' ? `${String(rest[1])}.${String(rest[2] ?? 'template')}` : `quietHours.${String(rest[1] ?? 'start')}`);

export const MESSAGES_FIELDS: ReadonlySet<string> = new Set([
  ...CUSTOMER_MESSAGE_KINDS.flatMap((kind) => ['template', 'subject', 'channels', 'enabled'].map((f) => `${kind}.${f}`)),
  'quietHours.enabled',
  'quietHours.start',
  'quietHours.end',
]);

/**
 * The four messages and the quiet hours as `notifications.updateSettings` takes them, checked
 * with the contract's schemas (a placeholder typo, an empty message, a time that is not HH:MM),
 * or every problem at once keyed like messagesFieldKey.
 */
export function messagesInputOf(values: MessagesFormValues): { ok: true; input: MessagesInput } | { ok: false; errors: Partial<Record<string, string>> } {
  const input: MessagesInput = { customerMessages: values.messages, quietHours: values.quietHours };
  const issues = [
    ...CUSTOMER_MESSAGE_KINDS.flatMap((kind) => (customerMessageInput.safeParse(values.messages[kind]).error?.issues ?? []).map((i) => ({ path: ['customerMessages', kind, ...i.path], message: i.message }))),
    ...(quietHoursSchema.safeParse(values.quietHours).error?.issues ?? []).map((i) => ({ path: ['quietHours', ...i.path], message: i.message })),
  ];
  if (issues.length === 0) return { ok: true, input };
  return { ok: false, errors: fieldsOfIssues(issues.map((i) => ({ path: [messagesFieldKey(i.path)], message: i.message })), MESSAGES_FIELDS) };
}
