import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForEvent } from '../events/wait-for-event';
import { WEBHOOK_BODY_LIMIT } from '../host/payment-webhook-route';
import { startTestHost, type TestHost } from '../host/test-host';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import type { PaymentSummary } from './contract';
import { as, caller, seedPaymentTenants, type Call } from './payment-fixture';
import { signWebhook } from './webhook-signature';

describe('payment webhooks on the headless host: signed, recorded once, answered after the commit', () => {
  let host: TestHost;
  let call: Call;
  let secret: string;
  let jane: SubscriberRecord;

  const post = async (path: string, body: string, options: { secret?: string; timestamp?: number; signature?: string } = {}) => {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const response = await fetch(`http://127.0.0.1:${host.port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-noc-timestamp': timestamp, 'x-noc-signature': options.signature ?? signWebhook(options.secret ?? secret, timestamp, body) },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const generic = (reference: string, account: string, amount = '1500.50') =>
    JSON.stringify({ reference, amount, currency: 'KES', phone: '254712345678', account, name: 'Jane W', time: '2024-01-15T14:23:05+03:00' });
  const payments = () => host.host.core.db.prepare('SELECT count(*) AS n FROM payments').get() as { n: number };

  beforeEach(async () => {
    host = await startTestHost();
    call = caller(host.host.core.services);
    jane = (await seedPaymentTenants(host.host.core.services, [{ tenantId: 1, username: 'jane', phone: '0712345678' }]))[0]!;
    ({ secret } = await call('payments.rotateWebhookSecret', {}, as('tenant_admin')));
  });
  afterEach(() => host.dispose());

  it('records a signed generic payment exactly (decimal to minor units), and a replay of it as a duplicate', async () => {
    const received = waitForEvent(host.host.core.services.bus, 'tenant.1.payments', (e) => e.name === 'PaymentReceived');
    const first = await post('/hooks/payments/1/generic', generic('GEN-0001', 'jane'));
    expect(first).toEqual({ status: 200, body: { ok: true, paymentId: 1, duplicate: false } });
    // Committed before the answer: the row is there when the 200 is.
    expect(payments().n).toBe(1);
    expect((await received).payload).toMatchObject({ amountMinor: 150_050, subscriberId: jane.id, payerPhone: '2547***678', payerName: 'J***W', receivedAt: '2024-01-15T11:23:05.000Z' });
    expect(await post('/hooks/payments/1/generic', generic('GEN-0001', 'jane'))).toEqual({ status: 200, body: { ok: true, paymentId: 1, duplicate: true } });
    expect(payments().n).toBe(1);
    // One payment in the ledger (the plan's charge may follow it once the payment is applied).
    expect((await call('payments.ledger', { subscriberId: jane.id })).entries.filter((e) => e.kind === 'payment').map((e) => e.amountMinor)).toEqual([150_050]);
  });

  it('refuses a bad signature with 401, audited, nothing written; a stale timestamp too', async () => {
    const body = generic('GEN-0002', 'jane');
    const refused = await post('/hooks/payments/1/generic', body, { secret: 'not-the-secret' });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/does not match/);
    expect(payments().n).toBe(0);
    const audit = (await host.host.core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 })))[0];
    expect(audit).toMatchObject({ action: 'payments.webhook_rejected', details: { provider: 'generic', from: '127.0.0.1' } });
    const stale = await post('/hooks/payments/1/generic', body, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect(stale.body.error).toMatch(/300 s/);
    expect((await post('/hooks/payments/1/generic', body, { signature: 'zz' })).status).toBe(401);
    expect(payments().n).toBe(0);
  });

  it('does not let a loop of bad signatures flood the audit log: every one refused, at most ten a minute recorded', async () => {
    const body = generic('GEN-0003', 'jane');
    const statuses = [];
    for (let i = 0; i < 25; i += 1) statuses.push((await post('/hooks/payments/1/generic', body, { secret: 'not-the-secret' })).status);
    expect(new Set(statuses)).toEqual(new Set([401]));
    const rejected = (await host.host.core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 100 }))).filter((e) => e.action === 'payments.webhook_rejected');
    expect(rejected).toHaveLength(10);
    expect(payments().n).toBe(0);
  });

  it('takes the M-Pesa C2B shape in the tenant’s zone; an unknown account waits unmatched until assigned into the ledger', async () => {
    const mpesa = JSON.stringify({
      TransactionType: 'Pay Bill', TransID: 'RKTQDM7W6S', TransTime: '20240115142305', TransAmount: '2000.00', BusinessShortCode: '600638',
      BillRefNumber: 'wrong-account', InvoiceNumber: '', OrgAccountBalance: '49197.00', ThirdPartyTransID: '', MSISDN: '254708374149', FirstName: 'John', MiddleName: '', LastName: 'Doe',
    });
    const unmatched = waitForEvent(host.host.core.services.bus, 'tenant.1.payments', (e) => e.name === 'PaymentUnmatched');
    expect(await post('/hooks/payments/1/mpesa', mpesa)).toMatchObject({ status: 200, body: { ok: true, duplicate: false } });
    const event = (await unmatched).payload as PaymentSummary;
    expect(event).toMatchObject({ provider: 'mpesa', reference: 'RKTQDM7W6S', amountMinor: 200_000, receivedAt: '2024-01-15T11:23:05.000Z', payerPhone: '2547***149', state: 'unmatched' });
    const [waiting] = (await call('payments.unmatched', {})).payments;
    expect(waiting).toMatchObject({ reference: 'RKTQDM7W6S', accountReference: 'wrong-account', payerName: 'John Doe', payerPhone: '254708374149' });
    await call('payments.assign', { id: waiting!.id, subscriberId: jane.id });
    const ledger = await call('payments.ledger', { subscriberId: jane.id });
    expect(ledger.entries).toEqual([expect.objectContaining({ kind: 'payment', amountMinor: 200_000, paymentId: waiting!.id, by: 'operator-1' })]);
    expect(await post('/hooks/payments/1/mpesa', mpesa)).toMatchObject({ status: 200, body: { duplicate: true } });
  });

  it('answers malformed bodies with 400 and a message, caps the size, and works only for tenants with a secret', async () => {
    const bad = async (body: string) => (await post('/hooks/payments/1/generic', body)).body.error;
    expect(await bad('{not json')).toMatch(/not JSON/);
    expect(await bad(JSON.stringify({ reference: 'A1', amount: 1500.5, currency: 'KES', time: '2024-01-15T14:23:05Z' }))).toMatch(/amount: .*decimal string/);
    expect(await bad(generic('A2', 'jane', '10.005'))).toMatch(/at most 2 decimals/);
    expect(await bad(JSON.stringify({ reference: 'A3', amount: '10', currency: 'USD', time: '2024-01-15T14:23:05Z' }))).toMatch(/not the tenant's \(KES\)/);
    expect((await post('/hooks/payments/1/mpesa', JSON.stringify({ TransID: 'X1', TransAmount: '5', TransTime: '20241301000000' }))).body.error).toMatch(/TransTime/);
    expect((await post('/hooks/payments/1/generic', 'x'.repeat(WEBHOOK_BODY_LIMIT + 1))).status).toBe(413);
    expect((await post('/hooks/payments/2/generic', generic('A4', 'jane'))).status).toBe(404);
    expect((await post('/hooks/payments/1/paypal', generic('A5', 'jane'))).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${host.port}/hooks/payments/1/generic`)).status).toBe(405);
    expect(payments().n).toBe(0);
    // The tenant's settings are cached by the endpoint until they change.
    await call('tenants.updateSettings', { name: 'Tenant 1', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'USD', logo: null }, as('tenant_admin'));
    expect(await bad(generic('A6', 'jane'))).toMatch(/not the tenant's \(USD\)/);
  });

  it('records concurrent webhooks together without losing or doubling any', async () => {
    const references = Array.from({ length: 60 }, (_, i) => `BURST-${i % 40}`);
    const replies = await Promise.all(references.map((r) => post('/hooks/payments/1/generic', generic(r, 'jane', '10'))));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(new Set(replies.map((r) => r.body.paymentId)).size).toBe(40);
    expect(replies.filter((r) => r.body.duplicate === false)).toHaveLength(40);
    expect((await call('payments.ledger', { subscriberId: jane.id })).balanceMinor).toBe(40 * 1_000);
  });
});
