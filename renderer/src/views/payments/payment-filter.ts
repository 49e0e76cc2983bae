import type { PaymentState, PaymentSummary } from '../../../../main/payments/contract';

export interface PaymentFilter {
  /** A receipt, account, payer or subscriber, anywhere in it (case-insensitive). */
  text: string;
  state: PaymentState | 'all';
}

export const NO_FILTER: PaymentFilter = { text: '', state: 'all' };

/** Filters the live list on screen: the list is already loaded, and events keep it current without refetching. */
export function filterPayments(payments: readonly PaymentSummary[], filter: PaymentFilter): readonly PaymentSummary[] {
  const text = filter.text.trim().toLowerCase();
  if (text === '' && filter.state === 'all') return payments;
  return payments.filter((p) => {
    if (filter.state !== 'all' && p.state !== filter.state) return false;
    if (text === '') return true;
    return [p.reference, p.accountReference, p.payerPhone, p.payerName, p.subscriberUsername, p.provider].some((v) => v?.toLowerCase().includes(text));
  });
}
