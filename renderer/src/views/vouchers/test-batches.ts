import type { VoucherBatchSummary, VoucherSummary } from '../../../../main/vouchers/contract';

/** A batch as `vouchers.batches` returns it, for the store tests. */
export function testBatch(id: number, overrides: Partial<VoucherBatchSummary> = {}): VoucherBatchSummary {
  return {
    id,
    tenantId: 1,
    planId: 3,
    planName: '1 Day',
    count: 20,
    codeLength: 6,
    prefix: '',
    charset: 'digits',
    separatePassword: false,
    comment: '',
    counts: { unused: 20, active: 0, expired: 0, 'used-up': 0 },
    routers: [{ routerId: 7, state: 'pushing', pushed: 5, total: 20, failures: [], failedCount: 0, message: null, updatedAt: '2026-01-01T00:00:00Z' }],
    createdAt: `2026-01-0${id}T00:00:00Z`,
    ...overrides,
  };
}

export function testVoucher(id: number, batchId: number, code: string, overrides: Partial<VoucherSummary> = {}): VoucherSummary {
  return { id, batchId, code, state: 'unused', activatedAt: null, validUntil: null, routerId: null, ...overrides };
}
