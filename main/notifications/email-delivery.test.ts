import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import { as, caller, seedPaymentTenants, type Call } from '../payments/payment-fixture';
import { recordPayment } from '../payments/payment-recording';
import type { DeliverySummary, NotificationSummary } from './contract';
import { queueCustomerMessage } from './customer-messages';
import { runDelivery } from './delivery-runner';
import { deliveryKey, messageIdFor } from './outbound-message';
import { SmtpReceiver } from './testing/smtp-receiver';

const LATER = Date.parse('2030-06-01T10:00:00+03:00');

describe('email over SMTP (nodemailer to a real smtp-server)', () => {
  let core: TestCore;
  let call: Call;
  let smtp: SmtpReceiver;

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    smtp = await SmtpReceiver.start({ user: 'noc-relay', password: 'Relay-Pass-4410' });
    await seedPaymentTenants(core.services, [{ tenantId: 1, username: 'jane', phone: '0712345678' }]);
    await call(
      'notifications.updateSettings',
      {
        channels: { email: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'noc-relay', password: 'Relay-Pass-4410', from: 'noc@isp.example', staffRecipients: ['ops@isp.example', 'boss@isp.example'] } },
        rules: { 'payment-unmatched': { enabled: true, channels: ['in-app', 'email'] } },
      },
      as('tenant_admin'),
    );
  });
  afterEach(async () => {
    await smtp.close();
    await core.dispose();
  });

  it('mails staff when a payment matches no subscriber: signed in with the sealed password, one mail per address, payer masked, a Message-ID from the delivery key', async () => {
    const raised = waitForEvent(core.services.bus, 'tenant.1.notifications', (e) => e.name === 'NotificationRaised');
    await core.services.business.run((tx) =>
      recordPayment(tx, core.services.bus, { tenantId: 1, provider: 'mpesa', reference: 'RX1', amountMinor: 5_000, currency: 'KES', payerPhone: '254799888777', payerName: 'Mary Atieno', accountReference: '0799888777', receivedAt: Date.now(), source: 'webhook', recordedBy: null }, Date.now()),
    );
    const notice = (await raised).payload as NotificationSummary;
    expect(notice).toMatchObject({ rule: 'payment-unmatched', title: 'Payment RX1 matched no subscriber', severity: 'warning', read: false, subject: { type: 'payment', label: 'RX1' } });
    expect(notice.body).toMatch(/^KES\s50\.00 from 2547\*\*\*777, account “0799\*\*\*777”: assign it in Payments → Unmatched\.$/);

    const [first, second] = await Promise.all([smtp.nth(1), smtp.nth(2)]);
    const mails = [first!, second!].sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
    expect(mails.map((m) => m.to)).toEqual([['boss@isp.example'], ['ops@isp.example']]);
    const mail = mails[1]!;
    expect(mail).toMatchObject({ from: 'noc@isp.example', user: 'noc-relay' });
    expect(mail.headers.subject).toBe('Payment RX1 matched no subscriber');
    const key = deliveryKey({ tenantId: 1, key: `payment-unmatched:${notice.subject!.id}`, channel: 'email', recipient: 'ops@isp.example' });
    expect(mail.headers['message-id']).toBe(messageIdFor(key, 'noc@isp.example'));
    expect(mail.text).toContain('2547***777');
    expect(mail.raw).not.toContain('254799888777');
  });

  it('sends a customer email once; a kill between send and record resends with the same Message-ID, for the receiver to drop', async () => {
    const [subscriber] = await core.services.business.run(async (tx) => {
      const jane = (await tx.subscribers.byUsername(1, 'jane'))!;
      return [await tx.subscribers.update(jane.id, { email: 'jane@customers.example' }, Date.now())];
    });
    await call('notifications.updateSettings', { customerMessages: { expired: { enabled: true, subject: '{{company}}: {{plan}} expired', template: 'Dear {{name}}, {{plan}} expired on {{validUntil}}.', channels: ['email'] } } }, as('tenant_admin'));
    await queueCustomerMessage(core.services, { subscriberId: subscriber!.id, message: 'expired', key: 'expired:s1:1', facts: { validUntil: Date.parse('2030-05-31T21:00:00Z') } }, 1, LATER);
    const [stored] = await core.services.business.read((tx) => tx.notifications.deliveries.list(1, { limit: 5 }));
    expect(await runDelivery(core.services, stored!.id, LATER)).toMatchObject({ status: 'sent', attempts: 1 });
    const mail = await smtp.nth(1);
    expect(mail.to).toEqual(['jane@customers.example']);
    expect(mail.headers.to).toBe('Customer jane <jane@customers.example>');
    expect(mail.headers.subject).toBe('Tenant 1: Fibre 10M expired');
    expect(mail.text.trim()).toBe('Dear Customer jane, Fibre 10M expired on 1 Jun 2030, 00:00.');
    // The job again: recorded sent, so nothing goes.
    expect(await runDelivery(core.services, stored!.id, LATER)).toBeNull();
    expect(smtp.received).toHaveLength(1);
    // The process killed after the server took the mail, before the record: the next run sends a copy
    // with the same Message-ID (and X-Idempotency-Key), which is what lets the receiver drop it.
    core.db.prepare("UPDATE notification_deliveries SET status = 'queued', attempts = 0, sent_at = NULL WHERE id = ?").run(stored!.id);
    await runDelivery(core.services, stored!.id, LATER);
    const copy = await smtp.nth(2);
    expect(copy.headers['message-id']).toBe(mail.headers['message-id']);
    expect(copy.headers['x-idempotency-key']).toBe(mail.headers['x-idempotency-key']);
  });

  it('tests the channel on demand and reports a refused sign-in in words to act on', async () => {
    expect(await call('notifications.test', { channel: 'email' }, as('tenant_admin'))).toMatchObject({ channel: 'email', recipient: 'o***@isp.example', ok: true, status: 250, error: null });
    expect((await smtp.nth(1)).headers.subject).toBe('Tenant 1: test message');
    await call('notifications.updateSettings', { channels: { email: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'noc-relay', password: 'wrong-password', from: 'noc@isp.example' } } }, as('tenant_admin'));
    const refused = await call('notifications.test', { channel: 'email', to: 'ops@isp.example' }, as('tenant_admin'));
    expect(refused).toMatchObject({ ok: false, error: `127.0.0.1:${smtp.port} refused the sign-in (535): check the SMTP user and password` });
    const log = (await call('notifications.deliveries', { message: 'test' }, as('tenant_admin'))).deliveries;
    expect(log.map((d: DeliverySummary) => [d.status, d.audience, d.recipient])).toEqual([
      ['failed', 'test', 'o***@isp.example'],
      ['sent', 'test', 'o***@isp.example'],
    ]);
    await expect(call('notifications.test', { channel: 'email', to: '0712345678' }, as('tenant_admin'))).rejects.toMatchObject({ error: { code: 'invalid_input', message: 'the test recipient is not an email address' } });
  });
});
