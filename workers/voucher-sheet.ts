import type { VoucherSheetInput } from '../main/vouchers/sheet-contract';
import { voucherSheetTask } from './voucher-sheet/voucher-sheet-task';

/**
 * Piscina task: renders one voucher sheet to its file. See main/vouchers/sheet-renderer.ts for
 * the other side (why sheets do not run as pool jobs).
 */
export default function renderVoucherSheetFile({ input, outFile }: { input: VoucherSheetInput; outFile: string }): Promise<{ bytes: number; pages: number }> {
  return voucherSheetTask(input, outFile);
}
