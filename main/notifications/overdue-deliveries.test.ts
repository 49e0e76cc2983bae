import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { as, caller, seedPaymentTenants } from '../payments/payment-fixture';
import { WebhookReceiver } from '../webhooks/testing/webhook-receiver';
import { queueCustomerMessage } from './customer-messages';
import { OVERDUE_MS, resumeOverdueDeliveries } from './overdue-deliveries';

/** A time in the future: the engine leaves the message's job alone until the test says so. */
const LATER = Date.parse('2030-06-01T10:00:00+03:00');

describe('overdue deliveries', () => {
  let core: TestCore;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    core = await startTestCore();
    receiver = await WebhookReceiver.start();
    const [jane] = await seedPaymentTenants(core.services, [{ tenantId: 1, username: 'jane', phone: '0712 345 678' }]);
    await caller(core.services)(
      'notifications.updateSettings',
      {
        channels: { sms: { preset: 'webhook', url: receiver.url, headers: [], bodyTemplate: '{"to":"{{phone}}","text":"{{message}}"}', staffRecipients: [] } },
        customerMessages: { 'payment-received': { enabled: true, template: 'Received {{amount}}', subject: '', channels: ['sms'] } },
      },
      as('tenant_admin'),
    );
    await queueCustomerMessage(core.services, { subscriberId: jane!.id, message: 'payment-received', key: 'payment-received:p1', facts: { amountMinor: 150_000, currency: 'KES' } }, 1, LATER);
  });
  afterEach(async () => {
    await receiver.close();
    await core.dispose();
  });

  const deliverJobs = () => core.db.prepare("SELECT status FROM jobs WHERE name = 'notifications.deliver'").all() as Array<{ status: string }>;

  it('joins a job that is still queued, and gives a delivery whose job was lost a new one that sends it', async () => {
    expect(deliverJobs()).toEqual([{ status: 'queued' }]);
    // Overdue, but its job is only waiting: nothing is added.
    expect(await resumeOverdueDeliveries(core.services, LATER + OVERDUE_MS + 1)).toEqual({ requeued: 0 });
    expect(deliverJobs()).toHaveLength(1);
    // The job failed for good (as repeated kills mid-send leave it): the delivery would wait forever.
    core.db.prepare("UPDATE jobs SET status = 'failed' WHERE name = 'notifications.deliver'").run();
    expect(await resumeOverdueDeliveries(core.services, LATER + OVERDUE_MS + 1)).toEqual({ requeued: 1 });
    expect((await receiver.nth(1)).body).toContain('Received');
    // Not yet overdue: left alone.
    expect(await resumeOverdueDeliveries(core.services, LATER)).toEqual({ requeued: 0 });
  });
});
