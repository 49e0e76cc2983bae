import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import type { LedgerAdjustedEvent } from './contract';
import { as, caller, seedPaymentTenants, type Call } from './payment-fixture';

describe('payments.adjust: an admin’s correction of a balance, as a ledger entry', () => {
  let core: TestCore;
  let call: Call;
  let jane: SubscriberRecord;
  let otieno: SubscriberRecord;

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    const seeded = await seedPaymentTenants(core.services, [
      { tenantId: 1, username: 'jane', phone: '0712 345 678' },
      { tenantId: 2, username: 'otieno', phone: '0722000111' },
    ]);
    [jane, otieno] = [seeded[0]!, seeded[1]!];
  });
  afterEach(() => core.dispose());

  const ledgerOf = (subscriberId: number) => call('payments.ledger', { subscriberId }, as('viewer'));
  const entryCount = () => (core.db.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;

  it('adds a signed adjustment entry with its note, keeps the balance a sum, audits it and tells open pages (masked)', async () => {
    // Short of the plan's price (150,000): the payment is not turned into a charge by payments.apply.
    await call('payments.record', { subscriberId: jane.id, provider: 'cash', amountMinor: 100_000 });
    const adjusted = waitForEvent(core.services.bus, 'tenant.1.payments', (e) => e.name === 'LedgerAdjusted');
    const credit = await call('payments.adjust', { subscriberId: jane.id, amountMinor: 2_500, note: 'goodwill for the outage on 1 Dec' }, as('tenant_admin'));
    expect(credit).toMatchObject({ balanceMinor: 102_500, currency: 'KES', entry: { kind: 'adjustment', amountMinor: 2_500, note: 'goodwill for the outage on 1 Dec', by: 'tenant_admin-1', paymentId: null } });
    expect((await adjusted).payload).toEqual({ subscriberId: jane.id, entryId: credit.entry.id, amountMinor: 2_500, currency: 'KES', balanceMinor: 102_500, by: 'tenant_admin-1' } satisfies LedgerAdjustedEvent);

    // A debit, with an email in the reason: the ledger (read by viewers) keeps it masked.
    const debit = await call('payments.adjust', { subscriberId: jane.id, amountMinor: -50_000, note: '  refund sent to jane.doe@example.com  ' }, as('tenant_admin'));
    expect(debit.entry.note).toBe('refund sent to j***@example.com');
    const ledger = await ledgerOf(jane.id);
    expect(ledger.entries.map((e) => [e.kind, e.amountMinor])).toEqual([['payment', 100_000], ['adjustment', 2_500], ['adjustment', -50_000]]);
    expect(ledger.balanceMinor).toBe(ledger.entries.reduce((sum, e) => sum + e.amountMinor, 0));
    expect(ledger.balanceMinor).toBe(52_500);
    expect(debit.balanceMinor).toBe(52_500);

    const [audit] = await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 }));
    expect(audit).toMatchObject({ action: 'ledger.adjusted', actorUsername: 'tenant_admin-1', targetType: 'subscriber', targetId: jane.id, details: { amountMinor: -50_000, currency: 'KES', balanceMinor: 52_500, note: 'refund sent to j***@example.com' } });
  });

  it('lets a system admin adjust within the tenant it names, and only there', async () => {
    await expect(call('payments.adjust', { subscriberId: jane.id, amountMinor: 100, note: 'test credit' }, as('system_admin', null))).rejects.toMatchObject({ error: { code: 'invalid_input', details: { fields: { tenantId: expect.any(String) } } } });
    await expect(call('payments.adjust', { tenantId: 2, subscriberId: jane.id, amountMinor: 100, note: 'test credit' }, as('system_admin', null))).rejects.toMatchObject({ error: { code: 'not_found' } });
    expect(await call('payments.adjust', { tenantId: 1, subscriberId: jane.id, amountMinor: 100, note: 'test credit' }, as('system_admin', null))).toMatchObject({ balanceMinor: 100 });
  });

  it('refuses operators and viewers, and writes nothing', async () => {
    for (const role of ['operator', 'viewer'] as const) {
      await expect(call('payments.adjust', { subscriberId: jane.id, amountMinor: 1_000, note: 'free credit' }, as(role))).rejects.toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('payments.adjust') } });
    }
    expect(entryCount()).toBe(0);
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 50 }))).some((e) => e.action === 'ledger.adjusted')).toBe(false);
  });

  it('refuses another tenant’s subscriber as if it did not exist, and writes nothing', async () => {
    await expect(call('payments.adjust', { subscriberId: otieno.id, amountMinor: 1_000, note: 'free credit' }, as('tenant_admin', 1))).rejects.toMatchObject({ error: { code: 'not_found', details: { fields: { subscriberId: expect.any(String) } } } });
    // Naming the other tenant does not help a tenant admin either.
    await expect(call('payments.adjust', { tenantId: 2, subscriberId: otieno.id, amountMinor: 1_000, note: 'free credit' }, as('tenant_admin', 1))).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(entryCount()).toBe(0);
    expect((await call('payments.ledger', { subscriberId: otieno.id }, as('viewer', 2))).balanceMinor).toBe(0);
  });

  it('refuses a zero or fractional amount and a missing reason with a field error each, and writes nothing', async () => {
    const refusal = async (input: Record<string, unknown>) => {
      const error = await call('payments.adjust', { subscriberId: jane.id, amountMinor: 1_000, note: 'a reason', ...input } as never, as('tenant_admin')).then(
        () => null,
        (e: { error: { code: string; details: Array<{ path: string[]; message: string }> } }) => e.error,
      );
      expect(error?.code).toBe('invalid_input');
      return error!.details;
    };
    expect(await refusal({ amountMinor: 0 })).toEqual([{ path: ['amountMinor'], message: expect.stringMatching(/nothing changes nothing/) }]);
    expect(await refusal({ amountMinor: 12.5 })).toEqual([{ path: ['amountMinor'], message: expect.stringMatching(/whole number of minor units/) }]);
    expect(await refusal({ note: '  x ' })).toEqual([{ path: ['note'], message: expect.stringMatching(/say why/) }]);
    expect(await refusal({ note: 'y'.repeat(501) })).toEqual([{ path: ['note'], message: 'at most 500 characters' }]);
    expect(entryCount()).toBe(0);
  });
});
