import type { VoucherSheetInput } from '../../main/vouchers/sheet-types';
import { voucherSheetTask } from './voucher-sheet-task';

/**
 * Piscina task for bench/voucher-sheet-bench.ts: the voucher sheet task on a worker thread, as
 * the pool will run it, until the job registry (workers/pool-tasks.ts) carries it.
 */
export default function renderSheetOnWorker({ input, outFile }: { input: VoucherSheetInput; outFile: string }): Promise<{ bytes: number; pages: number }> {
  return voucherSheetTask(input, outFile);
}
