import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import { waitForEvent } from '../events/wait-for-event';
import { as, caller, seedPaymentTenants, type Call } from '../payments/payment-fixture';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import { WebhookReceiver } from '../webhooks/testing/webhook-receiver';
import type { DeliverySummary } from './contract';
import type { CustomerMessagePayload } from './customer-message-contract';
import { queueCustomerMessage } from './customer-messages';
import { runDelivery } from './delivery-runner';
import { deliveryKey } from './outbound-message';
import { raiseStaffNotification } from './raise-staff-notification';

/** Times in the future (the engine leaves their jobs alone; the test runs them with its own clock). */
const NAIROBI_MORNING = Date.parse('2030-06-01T10:00:00+03:00');
const NAIROBI_NIGHT = Date.parse('2030-06-01T22:30:00+03:00');
const NAIROBI_DAWN = Date.parse('2030-06-02T07:00:00+03:00');

const paymentReceived = (subscriberId: number, key = 'payment-received:p42'): CustomerMessagePayload => ({
  subscriberId,
  message: 'payment-received',
  key,
  facts: { amountMinor: 150_000, currency: 'KES', balanceMinor: 5_000, validUntil: Date.parse('2027-01-01T18:00:00Z'), planName: 'Fibre 10M', paymentReference: 'QK71ABC2XY' },
});

describe('customer and staff messages through an HTTPS webhook gateway (SMS), exactly once', () => {
  let core: TestCore;
  let call: Call;
  let receiver: WebhookReceiver;
  let jane: SubscriberRecord;
  const events: BusEvent[] = [];

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    receiver = await WebhookReceiver.start();
    jane = (await seedPaymentTenants(core.services, [{ tenantId: 1, username: 'jane', phone: '0712 345 678' }]))[0]!;
    await call(
      'notifications.updateSettings',
      {
        channels: {
          sms: {
            preset: 'webhook',
            url: receiver.url,
            headers: [{ name: 'Authorization', value: 'Bearer gateway-secret-5521' }],
            bodyTemplate: '{"to":"{{phone}}","name":"{{name}}","text":"{{message}}"}',
            staffRecipients: ['+254700111222'],
          },
        },
      },
      as('tenant_admin'),
    );
    events.length = 0;
    core.services.bus.subscribe('tenant.1.notifications.deliveries', (e) => events.push(e));
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  const delivery = async (key: string) => (await core.services.business.read((tx) => tx.notifications.deliveries.list(1, { limit: 50 }))).find((d) => d.key === key)!;

  it('renders the template in the tenant’s locale, posts it with the gateway’s headers and an Idempotency-Key, and sends it once however often the jobs run', async () => {
    const sent = waitForEvent(core.services.bus, 'tenant.1.notifications.deliveries', (e) => (e.payload as DeliverySummary).status === 'sent');
    // Through the engine, as the money path enqueues it.
    core.services.jobs.enqueue('notifications.customer', paymentReceived(jane.id), { tenantId: 1 });
    expect((await sent).payload).toMatchObject({ channel: 'sms', recipient: '0712***678', audience: 'customer', message: 'payment-received', attempts: 1 });
    const request = await receiver.nth(1);
    expect(request.headers).toMatchObject({ authorization: 'Bearer gateway-secret-5521', 'content-type': 'application/json', 'idempotency-key': deliveryKey({ tenantId: 1, key: 'payment-received:p42', channel: 'sms', recipient: '0712 345 678' }) });
    const body = JSON.parse(request.body) as { to: string; name: string; text: string };
    expect(body.to).toBe('0712 345 678');
    expect(body.name).toBe('Customer jane');
    expect(body.text).toMatch(/^Dear Customer jane, Tenant 1 received KES\s1,500\.00 \(receipt QK71ABC2XY\)\. Fibre 10M is paid until 1 Jan 2027, 21:00\. Balance: KES\s50\.00\.$/);

    // A replay of the job (a crash before the engine recorded it) and of the delivery send nothing.
    expect(await queueCustomerMessage(core.services, paymentReceived(jane.id), 1)).toEqual({ queued: 0, held: 0, skipped: [] });
    const stored = await delivery('payment-received:p42');
    expect(await runDelivery(core.services, stored.id)).toBeNull();
    expect(receiver.received).toHaveLength(1);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1 });
    // Nothing personal in the log's events.
    expect(JSON.stringify(events)).not.toMatch(/0712 345 678|Customer jane/);
  });

  it('retries after a 500 with backoff, the same Idempotency-Key each time, and logs every state', async () => {
    receiver.status = 500;
    await queueCustomerMessage(core.services, paymentReceived(jane.id), 1, NAIROBI_MORNING);
    const { id } = await delivery('payment-received:p42');
    const first = (await runDelivery(core.services, id, NAIROBI_MORNING, () => 0.5))!;
    // 30 s base, equal jitter at 0.5: 22.5 s.
    expect(first).toMatchObject({ status: 'retrying', attempts: 1, nextAttemptAt: NAIROBI_MORNING + 22_500, lastError: 'the receiver answered 500: receiver is down for the test' });
    expect(await runDelivery(core.services, id, NAIROBI_MORNING + 10_000)).toBeNull(); // not due yet
    receiver.status = 200;
    expect(await runDelivery(core.services, id, NAIROBI_MORNING + 22_500)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(receiver.received.map((r) => [r.status, r.headers['idempotency-key']])).toEqual([
      [500, receiver.received[0]!.headers['idempotency-key']],
      [200, receiver.received[0]!.headers['idempotency-key']],
    ]);
    expect(events.map((e) => (e.payload as DeliverySummary).status)).toEqual(['queued', 'retrying', 'sent']);
    const log = await call('notifications.deliveries', { status: 'sent' }, as('tenant_admin'));
    expect(log.deliveries).toEqual([expect.objectContaining({ id, recipient: '0712***678', attempts: 2, sentAt: new Date(NAIROBI_MORNING + 22_500).toISOString() })]);
    // The retry is a job of its own at the backoff's time.
    const retry = core.db.prepare("SELECT run_at AS runAt FROM jobs WHERE name = 'notifications.deliver' ORDER BY id DESC LIMIT 1").get() as { runAt: number };
    expect(retry.runAt).toBe(NAIROBI_MORNING + 22_500);
  });

  it('fails at once on a refusal another attempt cannot fix', async () => {
    receiver.status = 422;
    await queueCustomerMessage(core.services, paymentReceived(jane.id), 1, NAIROBI_MORNING);
    const { id } = await delivery('payment-received:p42');
    expect(await runDelivery(core.services, id, NAIROBI_MORNING)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining("answered 422: receiver is down for the test: check the channel's URL, headers and body template") });
    expect(await runDelivery(core.services, id, NAIROBI_MORNING + 3_600_000)).toBeNull();
    expect(receiver.received).toHaveLength(1);
  });

  it('holds customer messages in quiet hours and sends them when they end; staff messages go at once', async () => {
    await call('notifications.updateSettings', { quietHours: { enabled: true, start: '21:00', end: '07:00' } }, as('tenant_admin'));
    expect(await queueCustomerMessage(core.services, paymentReceived(jane.id), 1, NAIROBI_NIGHT)).toMatchObject({ queued: 0, held: 1 });
    const held = await delivery('payment-received:p42');
    expect(held).toMatchObject({ status: 'held', nextAttemptAt: NAIROBI_DAWN });
    expect((await call('notifications.deliveries', {}, as('tenant_admin'))).deliveries[0]).toMatchObject({ status: 'held', nextAttemptAt: new Date(NAIROBI_DAWN).toISOString() });
    const job = core.db.prepare("SELECT run_at AS runAt FROM jobs WHERE name = 'notifications.deliver'").get() as { runAt: number };
    expect(job.runAt).toBe(NAIROBI_DAWN);
    expect(await runDelivery(core.services, held.id, NAIROBI_NIGHT + 60_000)).toBeNull();

    // A staff notice in the same night is not held.
    await call('notifications.updateSettings', { rules: { 'router-down': { enabled: true, channels: ['in-app', 'sms'] } } }, as('tenant_admin'));
    await core.services.business.run((tx) =>
      raiseStaffNotification(tx, core.services.bus, { tenantId: 1, rule: 'router-down', key: 'router-down:9:2', severity: 'critical', title: 'Router hq is down', body: 'Not reachable.', subject: null }, NAIROBI_NIGHT),
    );
    const staff = await delivery('router-down:9:2');
    expect(staff).toMatchObject({ status: 'queued', audience: 'staff', recipient: '+254700111222', nextAttemptAt: null });
    expect(await runDelivery(core.services, staff.id, NAIROBI_NIGHT)).toMatchObject({ status: 'sent' });
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ to: '+254700111222', text: 'Router hq is down\nNot reachable.' });

    // At seven the held message goes.
    expect(await runDelivery(core.services, held.id, NAIROBI_DAWN)).toMatchObject({ status: 'sent', attempts: 1, sentAt: NAIROBI_DAWN });
    expect(JSON.parse(receiver.received[1]!.body)).toMatchObject({ to: '0712 345 678' });
  });

  it('skips channels a subscriber cannot be reached on and says why', async () => {
    await call('notifications.updateSettings', { customerMessages: { reconnected: { enabled: true, template: 'Hi {{name}}, back on {{plan}}', channels: ['sms', 'email', 'whatsapp'] } } }, as('tenant_admin'));
    const outcome = await queueCustomerMessage(core.services, { subscriberId: jane.id, message: 'reconnected', key: 'reconnected:p7', facts: {} }, 1, NAIROBI_MORNING);
    expect(outcome).toEqual({ queued: 1, held: 0, skipped: ['email: the subscriber has no email address', 'whatsapp: whatsapp is not set up'] });
    const made = await delivery('reconnected:p7');
    expect(made.body).toBe('Hi Customer jane, back on Fibre 10M');
    // Another tenant's job cannot message this subscriber.
    expect(await queueCustomerMessage(core.services, { subscriberId: jane.id, message: 'reconnected', key: 'reconnected:p8', facts: {} }, 2)).toMatchObject({ queued: 0, skipped: ['the subscriber no longer exists'] });
  });
});
