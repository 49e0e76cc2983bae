import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPdfText } from './read-pdf-text';
import { cardsOf, sheetInput, voucherCodes } from './testing/sheet-fixtures';
import { voucherSheetTask } from './voucher-sheet-task';

describe('voucherSheetTask', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'voucher-sheet-task-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves the PDF readable by its owner only, and says how large it is and how many pages', async () => {
    const file = join(dir, 'batch-7.pdf');
    const codes = voucherCodes(25);
    const result = await voucherSheetTask(sheetInput({ cardsPerPage: 12, cards: cardsOf(codes) }), file);
    const pdf = readFileSync(file);
    expect(result).toEqual({ bytes: pdf.length, pages: 3 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await readPdfText(pdf)).join('\n')).toContain(codes[24]);
    expect(readdirSync(dir)).toEqual(['batch-7.pdf']);
  });

  it('replaces an earlier file of the same name whole', async () => {
    const file = join(dir, 'sheet.pdf');
    writeFileSync(file, 'an older sheet');
    const result = await voucherSheetTask(sheetInput({ layout: 'roll-58', cards: cardsOf(voucherCodes(4)) }), file);
    expect(result.pages).toBe(4);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual(['sheet.pdf']);
  });

  it('says what to do when the folder is missing, and leaves nothing behind', async () => {
    const file = join(dir, 'gone', 'sheet.pdf');
    await expect(voucherSheetTask(sheetInput({ cards: cardsOf(voucherCodes(1)) }), file)).rejects.toThrow(/cannot save the voucher sheet in .*gone \(ENOENT\): choose a folder that exists/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves no temporary file when the target cannot be replaced', async () => {
    // A folder where the file should go: the rename fails after the PDF was written and synced.
    mkdirSync(join(dir, 'sheet.pdf'));
    await expect(voucherSheetTask(sheetInput({ cards: cardsOf(voucherCodes(1)) }), join(dir, 'sheet.pdf'))).rejects.toThrow(/cannot save the voucher sheet as .*sheet\.pdf \(EISDIR\): choose a folder/);
    expect(readdirSync(dir)).toEqual(['sheet.pdf']);
  });
});
