import type { ContractError } from '../../../../main/contract/errors';
import { reminderOffset } from '../../../../main/subscriptions/contract';
import { formErrors, type FieldKeyOf } from '../notifications/settings-errors';

export const REMINDER_UNITS = ['minutes', 'hours', 'days'] as const;
export type ReminderUnit = (typeof REMINDER_UNITS)[number];

const UNIT_SECONDS: Record<ReminderUnit, number> = { minutes: 60, hours: 3600, days: 86_400 };

/** The contract's limit, said here so the form stops adding rows the backend would refuse. */
export const MAX_REMINDERS = 5;

/** One reminder as its inputs hold it: the number as typed, and its unit. */
export interface ReminderRow {
  /** React's key: rows are added and removed. */
  key: number;
  amount: string;
  unit: ReminderUnit;
}

let nextKey = 1;

export const reminderRow = (amount = '', unit: ReminderUnit = 'hours'): ReminderRow => ({ key: nextKey++, amount, unit });

/** An offset in the largest unit that holds it whole (86,400 s → 1 day, 5,400 s → 90 minutes), as the backend stores seconds. */
export function rowOf(offsetSeconds: number): ReminderRow {
  const unit = [...REMINDER_UNITS].reverse().find((u) => offsetSeconds % UNIT_SECONDS[u] === 0) ?? 'minutes';
  return reminderRow(String(offsetSeconds / UNIT_SECONDS[unit]), unit);
}

export const rowsOf = (offsets: readonly number[]): ReminderRow[] => offsets.map(rowOf);

/** "1 day", "90 minutes": how a saved reminder reads. */
export function describeRow(row: Pick<ReminderRow, 'amount' | 'unit'>): string {
  return `${row.amount} ${row.amount === '1' ? row.unit.slice(0, -1) : row.unit}`;
}

/** The contract's bounds in words ("from 15 minutes to 30 days"), read from its schema so they cannot drift. */
export function boundsText(): string {
  const words = (seconds: number | null) => (seconds === null ? '' : describeRow(rowOf(seconds)));
  return `from ${words(reminderOffset.minValue)} to ${words(reminderOffset.maxValue)}`;
}

export type ReminderErrors = Partial<Record<string, string>>;

/** The key of a row's message (`amount.0`); `list` is the list as a whole (too many, a repeat). */
export const amountKey = (index: number) => `amount.${index}`;
export const LIST_KEY = 'list';

/**
 * The seconds to send, in the order of the rows (so the backend's issues name the row by index),
 * or the rows to fix first: a whole number, and not the same time as a row above it (1 day and
 * 24 hours are one reminder). The bounds are the backend's to say, under the row it names.
 */
export function offsetsOf(rows: readonly ReminderRow[]): { ok: true; offsets: number[] } | { ok: false; errors: ReminderErrors } {
  const errors: ReminderErrors = {};
  const offsets: number[] = [];
  const rowAt = new Map<number, number>();
  rows.forEach((row, i) => {
    const text = row.amount.trim();
    if (!/^\d+$/.test(text) || Number(text) === 0) {
      errors[amountKey(i)] = `Enter a whole number of ${row.unit}, or remove this reminder.`;
      return;
    }
    const seconds = Number(text) * UNIT_SECONDS[row.unit];
    const earlier = rowAt.get(seconds);
    if (earlier !== undefined) errors[amountKey(i)] = `Reminder ${earlier + 1} is already at this time: change or remove one of them.`;
    else rowAt.set(seconds, i);
    offsets.push(seconds);
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, offsets };
}

// `['reminderOffsets', '1']` is row 1's number; `['reminderOffsets']` the list (its length, a repeat).
const keyOf: FieldKeyOf = (rest) => (rest.length === 0 ? LIST_KEY : amountKey(Number(rest[0])));

/** A refused save: the backend's messages under the rows they name, or above the form when none is named. */
export function reminderErrors(error: ContractError, rowCount: number): { fields: ReminderErrors; form: string | null } {
  const known = new Set([LIST_KEY, ...Array.from({ length: rowCount }, (_, i) => amountKey(i))]);
  return formErrors(error, ['reminderOffsets'], known, keyOf);
}
