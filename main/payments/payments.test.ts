import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import { waitForEvent } from '../events/wait-for-event';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import type { PaymentSummary } from './contract';
import { as, caller, seedPaymentTenants, type Call } from './payment-fixture';
import { matchAccount, recordPayment } from './payment-recording';

describe('payments: recorded once, matched, assigned, reversed, in an append-only ledger', () => {
  let core: TestCore;
  let call: Call;
  let jane: SubscriberRecord;
  let otieno: SubscriberRecord;
  const events: BusEvent[] = [];

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    const seeded = await seedPaymentTenants(core.services, [
      { tenantId: 1, username: 'jane', phone: '0712 345 678' },
      { tenantId: 2, username: 'otieno', phone: '0722000111' },
    ]);
    [jane, otieno] = [seeded[0]!, seeded[1]!];
    events.length = 0;
    core.services.bus.subscribe('tenant.1.payments', (e) => events.push(e));
  });
  afterEach(() => core.dispose());

  it('records cash for a subscriber once per receipt, credits the ledger, and masks the payer in events', async () => {
    const received = waitForEvent(core.services.bus, 'tenant.1.payments', (e) => e.name === 'PaymentReceived');
    const first = await call('payments.record', { subscriberId: jane.id, provider: 'mpesa', reference: 'QK71ABC2XY', amountMinor: 150_000, payerPhone: '0712345678' });
    expect(first).toMatchObject({ state: 'matched', subscriberId: jane.id, amountMinor: 150_000, currency: 'KES', payerPhone: '0712345678', duplicate: false, recordedBy: 'operator-1' });
    expect(((await received).payload as PaymentSummary).payerPhone).toBe('0712***678');
    const again = await call('payments.record', { subscriberId: jane.id, provider: 'mpesa', reference: 'QK71ABC2XY', amountMinor: 150_000, payerPhone: null });
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    await call('payments.record', { subscriberId: jane.id, provider: 'cash', amountMinor: 20_000 });
    const ledger = await call('payments.ledger', { subscriberId: jane.id }, as('viewer'));
    expect(ledger.entries.map((e) => [e.kind, e.amountMinor])).toEqual([['payment', 150_000], ['payment', 20_000]]);
    expect(ledger).toMatchObject({ balanceMinor: 170_000, currency: 'KES' });
    // Viewers read payments with the payer masked; staff whole.
    expect((await call('payments.list', {}, as('viewer'))).payments[1]).toMatchObject({ payerPhone: '0712***678' });
    expect((await call('payments.list', {}, as('operator'))).payments[1]).toMatchObject({ payerPhone: '0712345678' });
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 5 }))).filter((e) => e.action === 'payment.recorded')).toHaveLength(2);
  });

  it('leaves a payment for an unknown account unmatched until staff assign it; reversal by admins only, as an entry', async () => {
    const unmatchedEvent = waitForEvent(core.services.bus, 'tenant.1.payments', (e) => e.name === 'PaymentUnmatched');
    const payment = await core.services.business.run(async (tx) => {
      return recordPayment(tx, core.services.bus, { tenantId: 1, provider: 'mpesa', reference: 'RX1', amountMinor: 5_000, currency: 'KES', payerPhone: '254799888777', payerName: 'Mary Atieno', accountReference: '0799888777', receivedAt: Date.now(), source: 'webhook', recordedBy: null }, Date.now());
    });
    expect(payment.payment.state).toBe('unmatched');
    expect((await unmatchedEvent).payload).toMatchObject({ payerPhone: '2547***777', payerName: 'M***o', accountReference: '0799***777' });
    expect((await call('payments.unmatched', {})).payments.map((p) => p.reference)).toEqual(['RX1']);
    // Another tenant's subscriber cannot receive it, nor can that tenant see it.
    await expect(call('payments.assign', { id: payment.payment.id, subscriberId: otieno.id })).rejects.toMatchObject({ error: { code: 'not_found' } });
    expect((await call('payments.unmatched', {}, as('operator', 2))).payments).toEqual([]);
    await expect(call('payments.assign', { id: payment.payment.id, subscriberId: otieno.id }, as('operator', 2))).rejects.toMatchObject({ error: { code: 'not_found' } });

    const assigned = waitForEvent(core.services.bus, 'tenant.1.payments', (e) => e.name === 'PaymentAssigned');
    expect(await call('payments.assign', { id: payment.payment.id, subscriberId: jane.id })).toMatchObject({ state: 'matched', subscriberId: jane.id, subscriberUsername: 'jane' });
    await assigned;
    await expect(call('payments.assign', { id: payment.payment.id, subscriberId: jane.id })).rejects.toMatchObject({ error: { code: 'conflict' } });
    expect((await call('payments.unmatched', {})).payments).toEqual([]);

    await expect(call('payments.reverse', { id: payment.payment.id, reason: 'sent twice' })).rejects.toMatchObject({ error: { code: 'forbidden' } });
    const reversed = waitForEvent(core.services.bus, 'tenant.1.payments', (e) => e.name === 'PaymentReversed');
    await call('payments.reverse', { id: payment.payment.id, reason: 'customer sent it twice' }, as('tenant_admin'));
    expect(((await reversed).payload as PaymentSummary).state).toBe('reversed');
    const ledger = await call('payments.ledger', { subscriberId: jane.id });
    expect(ledger.entries.map((e) => [e.kind, e.amountMinor, e.note])).toEqual([['payment', 5_000, null], ['reversal', -5_000, 'customer sent it twice']]);
    expect(ledger.balanceMinor).toBe(0);
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 })))[0]).toMatchObject({ action: 'payment.reversed', actorUsername: 'tenant_admin-1', details: { reason: 'customer sent it twice' } });
    await expect(call('payments.reverse', { id: payment.payment.id, reason: 'again' }, as('tenant_admin'))).rejects.toMatchObject({ error: { code: 'conflict' } });
  });

  it('matches an account reference by login name or by phone (last nine digits), never a shared phone', async () => {
    const match = (ref: string) => core.services.business.read((tx) => matchAccount(tx, 1, ref));
    expect(await match('JANE')).toBe(jane.id);
    expect(await match('254712345678')).toBe(jane.id);
    expect(await match('+254 712 345 678')).toBe(jane.id);
    expect(await match('0722000111')).toBeNull(); // tenant 2's subscriber
    const [twin] = await core.services.business.run(async (tx) => [await tx.subscribers.insert({ ...jane, tenantId: 1, username: 'jane2', password: 'secret-2', validUntil: null }, Date.now())]);
    expect(twin!.phone).toBe(jane.phone);
    expect(await match('0712345678')).toBeNull();
  });

  it('keeps the ledger append-only: the store refuses to change or delete an entry', async () => {
    await call('payments.record', { subscriberId: jane.id, provider: 'cash', amountMinor: 1_000 });
    const { db } = core;
    expect(() => db.prepare('UPDATE ledger_entries SET amount_minor = 1000000').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
    expect((await call('payments.ledger', { subscriberId: jane.id })).balanceMinor).toBe(1_000);
  });

  it('keeps tenants apart and the webhook secret sealed, shown once', async () => {
    await call('payments.record', { subscriberId: jane.id, provider: 'cash', amountMinor: 1_000 });
    expect((await call('payments.list', {}, as('viewer', 2))).payments).toEqual([]);
    await expect(call('payments.ledger', { subscriberId: jane.id }, as('viewer', 2))).rejects.toMatchObject({ error: { code: 'not_found' } });
    await expect(call('payments.record', { subscriberId: jane.id, provider: 'cash', amountMinor: 1_000 }, as('operator', 2))).rejects.toMatchObject({ error: { code: 'not_found' } });
    await expect(call('payments.record', { subscriberId: jane.id, provider: 'mpesa', amountMinor: 1_000 })).rejects.toMatchObject({ error: { code: 'invalid_input' } });
    expect((await call('payments.list', {}, as('system_admin', null))).payments).toHaveLength(1);

    await expect(call('payments.rotateWebhookSecret', {}, as('operator'))).rejects.toMatchObject({ error: { code: 'forbidden' } });
    expect(await call('payments.webhookSettings', {}, as('tenant_admin'))).toMatchObject({ configured: false, paths: { mpesa: '/hooks/payments/1/mpesa' } });
    const { secret } = await call('payments.rotateWebhookSecret', {}, as('tenant_admin'));
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await call('payments.webhookSettings', {}, as('tenant_admin'))).not.toHaveProperty('secret');
    const row = core.db.prepare('SELECT webhook_secret_sealed AS s FROM payment_settings WHERE tenant_id = 1').get() as { s: string };
    expect(row.s).not.toContain(secret);
    expect(events.every((e) => !JSON.stringify(e.payload).includes('0712345678'))).toBe(true);
  });
});
