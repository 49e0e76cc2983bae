import type { VoucherBatchSummary, VoucherSummary } from './contract';

/**
 * A voucher's code is its password (or half of it): viewers and every broadcast see it masked,
 * first two characters, `***`, the last one, which is enough to match a card in hand.
 */
export const maskCode = (code: string): string => `${code.slice(0, 2)}***${code.slice(-1)}`;

export const maskVoucher = <V extends VoucherSummary>(voucher: V): V => ({ ...voucher, code: maskCode(voucher.code) });

/** The batch with the codes in its routers' refusals masked. */
export const maskBatch = (batch: VoucherBatchSummary): VoucherBatchSummary => ({
  ...batch,
  routers: batch.routers.map((r) => ({ ...r, failures: r.failures.map((f) => ({ ...f, code: maskCode(f.code) })) })),
});
