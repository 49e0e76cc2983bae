import { beforeEach, describe, expect, it } from 'vitest';
import { resetVouchersStore, useVouchersStore, vouchersActions, vouchersSelectors } from './vouchers-store';
import { testBatch, testVoucher } from './test-batches';

const state = () => useVouchersStore.getState();

describe('vouchers store', () => {
  beforeEach(resetVouchersStore);

  it('lists batches newest first and follows their counts and push progress', () => {
    vouchersActions.snapshot([testBatch(1), testBatch(2)]);
    vouchersActions.event('VoucherBatchCreated', testBatch(3));
    vouchersActions.event('VoucherBatchUpdated', testBatch(1, { counts: { unused: 19, active: 1, expired: 0, 'used-up': 0 } }));
    expect(vouchersSelectors.sorted(state()).map((b) => b.id)).toEqual([3, 2, 1]);
    expect(vouchersSelectors.byId(1)(state())!.counts.active).toBe(1);
    expect(vouchersSelectors.sorted(state())).toBe(vouchersSelectors.sorted(state()));
  });

  it('turns a voucher of the open batch active when it is first used', () => {
    vouchersActions.snapshot([testBatch(1)]);
    vouchersActions.opening(1);
    vouchersActions.openLoaded(1, [testVoucher(10, 1, '123456'), testVoucher(11, 1, '654321')]);
    // Broadcasts carry the code masked: the list keeps the one it has.
    vouchersActions.event('VoucherActivated', { ...testVoucher(11, 1, '65***1', { state: 'active', activatedAt: '2026-01-02T10:00:00Z', validUntil: '2026-01-03T10:00:00Z', routerId: 7 }), planName: '1 Day' });
    vouchersActions.event('VoucherActivated', { ...testVoucher(99, 2, '000000', { state: 'active' }), planName: '1 Day' });
    const vouchers = vouchersSelectors.open(state())!.vouchers!;
    expect(vouchers.map((v) => v.state)).toEqual(['unused', 'active']);
    expect(vouchers[1]).not.toHaveProperty('planName');
    expect(vouchers[1]!.code).toBe('654321');
    expect(vouchers[1]!.validUntil).toBe('2026-01-03T10:00:00Z');
  });

  it('applies an activation that came while the list was loading to the list it loads', () => {
    vouchersActions.opening(1);
    vouchersActions.activated(testVoucher(11, 1, '654321', { state: 'active' }));
    vouchersActions.openLoaded(1, [testVoucher(10, 1, '123456'), testVoucher(11, 1, '654321')]);
    expect(vouchersSelectors.open(state())!.vouchers!.map((v) => v.state)).toEqual(['unused', 'active']);
  });

  it('drops the answer of a batch that is no longer open', () => {
    vouchersActions.opening(1);
    vouchersActions.opening(2);
    vouchersActions.openLoaded(1, [testVoucher(10, 1, '123456')]);
    vouchersActions.openFailed(1, 'gone');
    expect(vouchersSelectors.open(state())).toEqual({ batchId: 2, vouchers: null, early: [], error: null });
    vouchersActions.closed();
    expect(vouchersSelectors.open(state())).toBeNull();
  });
});
