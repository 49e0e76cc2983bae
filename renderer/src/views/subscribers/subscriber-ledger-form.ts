import type { InvokeInput } from '../../../../main/contract';
import type { LocaleSettings } from '../../format/locale';
import { parseAmount } from '../plans/amount-input';

/** Which way the balance moves: staff pick it rather than type a minus sign a glance could miss. */
export const ADJUST_DIRECTIONS = ['credit', 'debit'] as const;
export type AdjustDirection = (typeof ADJUST_DIRECTIONS)[number];
export const DIRECTION_LABELS: Record<AdjustDirection, string> = { credit: 'Add to the balance', debit: 'Take from the balance' };

export interface AdjustFormValues {
  direction: AdjustDirection;
  amount: string;
  note: string;
}

export type AdjustField = 'amount' | 'note';
export type AdjustFieldErrors = Partial<Record<AdjustField, string>>;

/** The backend's bounds (main/payments/contract.ts `ledgerAdjustInput`), checked here first so every problem shows at once. */
export const NOTE_MIN = 3;
export const NOTE_MAX = 500;

export const emptyAdjustForm = (): AdjustFormValues => ({ direction: 'credit', amount: '', note: '' });

/**
 * The adjust form as the invoke's input, or every field's problem at once: the amount read in
 * the tenant's locale into exact minor units (never through a float), signed by the direction.
 */
export function adjustInputOf(
  values: AdjustFormValues,
  settings: LocaleSettings,
  subscriberId: number,
  tenantId: number | null,
): { ok: true; input: InvokeInput<'payments.adjust'> } | { ok: false; errors: AdjustFieldErrors } {
  const errors: AdjustFieldErrors = {};
  const amount = parseAmount(values.amount.trim(), settings);
  if (!amount.ok) errors.amount = amount.message;
  else if (amount.value === 0) errors.amount = 'more than nothing: an adjustment of nothing changes nothing';
  const note = values.note.trim();
  if (note.length < NOTE_MIN) errors.note = 'say why the balance changes (at least 3 characters): the audit keeps it';
  else if (note.length > NOTE_MAX) errors.note = `at most ${NOTE_MAX} characters`;
  if (!amount.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const amountMinor = values.direction === 'debit' ? -amount.value : amount.value;
  return { ok: true, input: { ...(tenantId === null ? {} : { tenantId }), subscriberId, amountMinor, note } };
}
