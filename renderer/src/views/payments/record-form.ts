import type { InvokeInput } from '../../../../main/contract';
import { REFERENCE } from '../../../../main/payments/contract';
import type { LocaleSettings } from '../../format/locale';
import { parseAmount } from '../plans/amount-input';

export const RECORD_METHODS = ['cash', 'mobile'] as const;
export type RecordMethod = (typeof RECORD_METHODS)[number];
export const METHOD_LABELS: Record<RecordMethod, string> = { cash: 'Cash', mobile: 'Mobile money' };

export interface RecordFormValues {
  subscriberId: number | null;
  amount: string;
  method: RecordMethod;
  receipt: string;
}

export type RecordField = 'subscriber' | 'amount' | 'receipt';
export type RecordFieldErrors = Partial<Record<RecordField, string>>;

export const emptyRecordForm = (): RecordFormValues => ({ subscriberId: null, amount: '', method: 'cash', receipt: '' });

/**
 * The record form as the invoke's input, or every field's problem at once. The amount is read
 * in the tenant's locale into exact minor units; mobile money needs its receipt (the backend
 * makes one up only for cash).
 */
export function recordInputOf(values: RecordFormValues, settings: LocaleSettings, tenantId: number | null): { ok: true; input: InvokeInput<'payments.record'> } | { ok: false; errors: RecordFieldErrors } {
  const errors: RecordFieldErrors = {};
  if (values.subscriberId === null) errors.subscriber = 'choose the subscriber who paid';
  const amount = parseAmount(values.amount.trim(), settings);
  if (!amount.ok) errors.amount = amount.message;
  else if (amount.value <= 0) errors.amount = 'more than nothing';
  const receipt = values.receipt.trim();
  if (receipt === '' && values.method === 'mobile') errors.receipt = 'enter the receipt number of the mobile money payment';
  else if (receipt !== '' && !REFERENCE.test(receipt)) errors.receipt = 'a receipt number: letters, digits and . _ : / -, up to 80';
  if (Object.keys(errors).length > 0 || values.subscriberId === null || !amount.ok) return { ok: false, errors };
  return {
    ok: true,
    input: { ...(tenantId === null ? {} : { tenantId }), subscriberId: values.subscriberId, provider: values.method, amountMinor: amount.value, ...(receipt === '' ? {} : { reference: receipt }) },
  };
}
