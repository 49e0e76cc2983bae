import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import { as, caller, seedPaymentTenants, type Call } from './payment-fixture';

const mapping = { receipt: 'Receipt No.', time: 'Completion Time', amount: 'Paid In', phone: 'Phone', account: 'Account' };
const statement = (...rows: string[]) => ['Receipt No.,Completion Time,Details,Paid In,Phone,Account', ...rows].join('\n');
const GOOD = ['QK1,2024-01-15 14:23:05,Pay Bill,"1,500.00",254712345678,jane', 'QK2,15/01/2024 09:00,Pay Bill,200,0733000111,nobody'];

describe('payments.importCsv: a statement previewed row by row, imported whole or not at all', () => {
  let core: TestCore;
  let call: Call;
  let jane: SubscriberRecord;
  const count = () => (core.db.prepare('SELECT count(*) AS n FROM payments').get() as { n: number }).n;

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    jane = (await seedPaymentTenants(core.services, [{ tenantId: 1, username: 'jane', phone: '0712345678' }]))[0]!;
  });
  afterEach(() => core.dispose());

  it('previews each row (new, matched or not, invalid with why) and writes nothing', async () => {
    const preview = await call('payments.importCsv', { csv: statement(...GOOD, 'QK3,yesterday,Pay Bill,50,,jane', ',2024-01-15 10:00,Pay Bill,50,,jane', 'QK4,2024-01-15 10:00,Withdrawal,-50,,jane', 'QK1,2024-01-15 14:23:05,Pay Bill,1500,,jane'), mapping });
    expect(preview.columns).toEqual(['Receipt No.', 'Completion Time', 'Details', 'Paid In', 'Phone', 'Account']);
    expect(preview.rows.map((r) => [r.line, r.state, r.subscriberId])).toEqual([
      [2, 'new', jane.id],
      [3, 'new', null],
      [4, 'invalid', null],
      [5, 'invalid', null],
      [6, 'invalid', null],
      [7, 'duplicate', jane.id],
    ]);
    expect(preview.rows[0]).toMatchObject({ amountMinor: 150_000, receivedAt: '2024-01-15T11:23:05.000Z', payerPhone: '254712345678' });
    expect(preview.rows[1]!.receivedAt).toBe('2024-01-15T06:00:00.000Z');
    expect(preview.rows.slice(2, 5).map((r) => r.message)).toEqual([expect.stringMatching(/time 'yesterday'/), 'no receipt number', expect.stringMatching(/paid out/)]);
    expect(preview.counts).toEqual({ new: 2, duplicate: 1, invalid: 3 });
    expect(count()).toBe(0);
  });

  it('imports nothing of a file with a malformed row, then all of it once fixed; the mapping is kept for the next', async () => {
    await expect(call('payments.importCsv', { csv: statement(...GOOD, 'QK9,2024-01-15 10:00,Pay Bill,lots,,jane'), mapping, dryRun: false })).rejects.toMatchObject({
      error: { code: 'invalid_input', details: { rows: [{ line: 4, message: expect.stringMatching(/amount 'lots'/) }] } },
    });
    expect(count()).toBe(0);
    await expect(call('payments.importCsv', { csv: statement(...GOOD) })).rejects.toMatchObject({ error: { code: 'invalid_input', details: { fields: { mapping: expect.any(String) } } } });
    const done = await call('payments.importCsv', { csv: statement(...GOOD), mapping, dryRun: false });
    expect(done).toMatchObject({ imported: 2, counts: { new: 2, duplicate: 0, invalid: 0 } });
    expect((await call('payments.unmatched', {})).payments.map((p) => p.reference)).toEqual(['QK2']);
    expect((await call('payments.ledger', { subscriberId: jane.id })).balanceMinor).toBe(150_000);
    // The next statement uses the saved mapping; receipts already in are duplicates, not payments twice.
    const again = await call('payments.importCsv', { csv: statement(...GOOD, 'QK5,2024-01-16 08:00,Pay Bill,100,,JANE'), dryRun: false });
    expect(again).toMatchObject({ imported: 1, counts: { new: 1, duplicate: 2 } });
    expect(count()).toBe(3);
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 })))[0]).toMatchObject({ action: 'payments.imported', details: { imported: 1 } });
  });

  it('refuses a file CSV cannot read, or a mapping naming a missing column, as a whole', async () => {
    await expect(call('payments.importCsv', { csv: statement('QK1,"2024-01-15 14:23:05,Pay Bill,100,,jane'), mapping })).rejects.toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/not readable as CSV/) } });
    await expect(call('payments.importCsv', { csv: statement(...GOOD), mapping: { ...mapping, amount: 'Amount' } })).rejects.toMatchObject({
      error: { code: 'invalid_input', details: { fields: { 'mapping.amount': expect.any(String) } } },
    });
    await expect(call('payments.importCsv', { csv: statement(...GOOD), mapping, dryRun: false }, as('viewer'))).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(count()).toBe(0);
  });
});
