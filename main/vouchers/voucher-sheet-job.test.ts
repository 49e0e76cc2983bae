import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readPdfText } from '../../workers/voucher-sheet/read-pdf-text';
import { waitForEvent } from '../events/wait-for-event';
import { SHEET_CHUNK_BYTES, type VoucherSheetReady } from './contract';
import { as, hotspotPlan, voucherFixture, type VoucherFixture } from './voucher-fixture';

describe('vouchers.render-sheet: a batch’s PDF rendered off the main thread, downloaded in chunks', () => {
  let f: VoucherFixture;
  afterEach(() => f.dispose());

  const download = async (jobId: number, session = as('operator')) => {
    const parts: Buffer[] = [];
    for (let offset = 0; ; ) {
      const chunk = await f.call('vouchers.downloadSheet', { jobId, offset }, session);
      expect(chunk.offset).toBe(offset);
      parts.push(Buffer.from(chunk.base64, 'base64'));
      offset += Buffer.from(chunk.base64, 'base64').length;
      if (chunk.done) return Buffer.concat(parts);
    }
  };

  it('prints every code of the batch and its separate passwords with the tenant, plan, price and validity on an A4 sheet', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const plan = await f.plan(hotspotPlan([router!.id]));
    const batch = await f.call('vouchers.generate', { planId: plan.id, count: 100, codeLength: 6, charset: 'letters', separatePassword: true });
    const ready = waitForEvent(f.core.services.bus, 'tenant.1.vouchers', (e) => e.name === 'VoucherSheetReady', 30_000);
    const { jobId } = await f.call('vouchers.renderSheet', { batchId: batch.id, layout: 'a4', cardsPerPage: 30, loginUrl: 'http://wifi.acme.example' });
    const sheet = (await ready).payload as VoucherSheetReady;
    expect(sheet).toMatchObject({ jobId, batchId: batch.id, fileName: `vouchers-batch-${batch.id}-a4.pdf`, pages: 4, cards: 100 });

    const pdf = await download(jobId);
    expect(pdf.length).toBe(sheet.bytes);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await readPdfText(pdf)).join('\n');
    const { vouchers } = await f.call('vouchers.list', { batchId: batch.id });
    for (const { code } of vouchers) expect(text).toContain(code);
    const { csv } = await f.call('vouchers.export', { batchId: batch.id });
    for (const line of csv.split('\r\n').slice(1, -1)) expect(text).toContain(line.split(',')[1]);
    expect(text).toContain('Acme Net');
    expect(text).toContain('Daily 1h');
    expect(text).toMatch(/KES.50\.00/);
    expect(text).toContain('1 day');

    // The file is the owner's alone; the job's payload names the batch and layout, no code.
    const path = await f.core.services.business.read(async (tx) => (await tx.vouchers.sheet(1, jobId))!.path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(f.core.services.jobs.detail(jobId).payload)).not.toMatch(new RegExp(vouchers.map((v) => v.code).join('|')));
    expect((await f.core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 5 }))).map((e) => e.action)).toContain('vouchers.printed');
  });

  it('hands a large sheet out in chunks, and only to its tenant', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const plan = await f.plan(hotspotPlan([router!.id]));
    const batch = await f.call('vouchers.generate', { planId: plan.id, count: 1000, codeLength: 8, charset: 'mixed' });
    const ready = waitForEvent(f.core.services.bus, 'tenant.1.vouchers', (e) => e.name === 'VoucherSheetReady', 30_000);
    const { jobId } = await f.call('vouchers.renderSheet', { batchId: batch.id, layout: 'roll-58', loginUrl: 'http://wifi.acme.example/login' });
    const sheet = (await ready).payload as VoucherSheetReady;
    expect(sheet).toMatchObject({ pages: 1000, cards: 1000 });
    expect(sheet.bytes).toBeGreaterThan(SHEET_CHUNK_BYTES);
    expect((await download(jobId)).length).toBe(sheet.bytes);

    await f.core.services.accounts.run((tx) => tx.tenants.insert('Other Net', null, Date.now()));
    await expect(f.call('vouchers.downloadSheet', { jobId }, as('operator', 2))).rejects.toMatchObject({ error: { code: 'not_found' } });
  });
});
