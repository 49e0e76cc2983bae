import { Piscina } from 'piscina';
import { resolveWorkerFile } from '../core/worker-file';
import type { VoucherSheetInput } from './sheet-contract';

/**
 * Voucher sheets render on a small pool of their own rather than as pool jobs: a pool job gets
 * nothing but its payload, which the Jobs view, job details and events show, and a sheet's input
 * is codes and passwords. Here they travel in the task message only, and end up in the 0600 PDF.
 * One thread (sheets are rare, about 1 ms a card), below the main thread's priority; it starts
 * with the first sheet and goes when idle (an idle piscina thread keeps no process alive).
 */
let pool: Piscina | null = null;

export function renderSheetOffThread(input: VoucherSheetInput, outFile: string, signal: AbortSignal): Promise<{ bytes: number; pages: number }> {
  if (!pool) {
    const worker = resolveWorkerFile('voucher-sheet');
    pool = new Piscina({
      filename: worker.file,
      execArgv: worker.execArgv,
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
      niceIncrement: 5,
    });
  }
  return pool.run({ input, outFile }, { signal }) as Promise<{ bytes: number; pages: number }>;
}
