import { beforeEach, describe, expect, it } from 'vitest';
import { filterPayments, NO_FILTER } from './payment-filter';
import { paymentsActions, paymentsSelectors, resetPaymentsStore, usePaymentsStore } from './payments-store';
import { testPayment } from './test-payments';

const state = () => usePaymentsStore.getState();

describe('payments store', () => {
  beforeEach(resetPaymentsStore);

  it('merges the recent and unmatched snapshots and lists newest first', () => {
    paymentsActions.snapshot([[testPayment(1), testPayment(3)], [testPayment(2, { state: 'unmatched', subscriberId: null, subscriberUsername: null }), testPayment(3)]]);
    expect(paymentsSelectors.sorted(state()).map((p) => p.id)).toEqual([3, 2, 1]);
    expect(paymentsSelectors.unmatched(state()).map((p) => p.id)).toEqual([2]);
    expect(paymentsSelectors.sorted(state())).toBe(paymentsSelectors.sorted(state()));
  });

  it('follows events: an assigned payment leaves Unmatched, a reversed one shows reversed', () => {
    paymentsActions.snapshot([[testPayment(1)], []]);
    paymentsActions.event('PaymentUnmatched', testPayment(2, { state: 'unmatched', subscriberId: null }));
    expect(paymentsSelectors.unmatched(state()).map((p) => p.id)).toEqual([2]);
    paymentsActions.event('PaymentAssigned', testPayment(2));
    paymentsActions.event('PaymentReversed', testPayment(1, { state: 'reversed' }));
    paymentsActions.event('SomethingElse', testPayment(9));
    expect(paymentsSelectors.unmatched(state())).toEqual([]);
    expect(paymentsSelectors.sorted(state()).map((p) => [p.id, p.state])).toEqual([
      [2, 'matched'],
      [1, 'reversed'],
    ]);
  });

  it('filters by state and by text anywhere in receipt, account, payer or subscriber', () => {
    const list = [testPayment(1, { reference: 'QKABC' }), testPayment(2, { state: 'unmatched', accountReference: 'nobody', subscriberUsername: null })];
    expect(filterPayments(list, NO_FILTER)).toBe(list);
    expect(filterPayments(list, { text: 'abc', state: 'all' }).map((p) => p.id)).toEqual([1]);
    expect(filterPayments(list, { text: 'NOBODY', state: 'unmatched' }).map((p) => p.id)).toEqual([2]);
    expect(filterPayments(list, { text: '', state: 'reversed' })).toEqual([]);
  });
});
