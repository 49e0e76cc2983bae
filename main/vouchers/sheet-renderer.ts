import { sideThread } from '../core/side-thread';
import type { VoucherSheetInput } from './sheet-contract';

/**
 * Voucher sheets render on a thread of their own rather than as pool jobs: a pool job gets
 * nothing but its payload, which the Jobs view, job details and events show, and a sheet's input
 * is codes and passwords. Here they travel in the task message only, and end up in the 0600 PDF.
 * Sheets are rare, about 1 ms a card.
 */
const pool = sideThread('voucher-sheet', 256);

export function renderSheetOffThread(input: VoucherSheetInput, outFile: string, signal: AbortSignal): Promise<{ bytes: number; pages: number }> {
  return pool().run({ input, outFile }, { signal }) as Promise<{ bytes: number; pages: number }>;
}
