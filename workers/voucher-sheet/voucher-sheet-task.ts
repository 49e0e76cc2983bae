import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sheetPageCount, type VoucherSheetInput } from '../../main/vouchers/sheet-contract';
import { renderVoucherSheet } from './render-voucher-sheet';

/**
 * Renders a voucher sheet and saves it as `outFile`: what the pool job runs. The file appears
 * whole or not at all, readable by this user only (the codes on it are money).
 */
export async function voucherSheetTask(input: VoucherSheetInput, outFile: string): Promise<{ bytes: number; pages: number }> {
  const pdf = await renderVoucherSheet(input);
  await writeAtomically(outFile, pdf);
  return { bytes: pdf.length, pages: sheetPageCount(input) };
}

/**
 * Temp file in the same folder (so the rename stays on one file system), synced before the
 * rename: a crash or power cut leaves the old file or the new one, never a torn PDF that a
 * printer or the save dialog would pick up.
 */
async function writeAtomically(file: string, data: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const advice = 'choose a folder that exists and that the console may write to (and close the file if a viewer has it open)';
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    throw new Error(`cannot save the voucher sheet in ${dirname(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)}): ${advice}`, { cause: error });
  }
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`cannot save the voucher sheet as ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): ${advice}`, { cause: error });
  }
}
