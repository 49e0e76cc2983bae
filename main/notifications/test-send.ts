import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../contract/errors';
import { sendOnChannel, staffRecipients } from './channel-send';
import type { TestSendResult } from './contract';
import { deliverySummary } from './delivery-summary';
import type { NotificationServices } from './notification-services';
import { deliveryKey } from './outbound-message';
import type { ExternalChannel } from './settings-contract';

/** A test waits at most this long for the receiver: the admin is looking at the button. */
const TEST_TIMEOUT_MS = 8_000;

const EMAIL = z.email();
const PHONE = /^\+?[0-9][0-9 ()-]{5,20}$/;
const CHAT = /^(-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32})$/;

/**
 * Sends a test message on one channel now with the saved settings and reports the receiver's
 * answer. Recorded in the delivery log like any message (audience `test`), so a failed test
 * also shows there; never retried.
 */
export async function sendTest(services: Pick<NotificationServices, 'business' | 'bus'>, tenantId: number, channel: ExternalChannel, to: string | undefined): Promise<TestSendResult> {
  const loaded = await services.business.read(async (tx) => {
    const tenant = await tx.tenants.settings(tenantId);
    const { settings } = await tx.notifications.settings.get(tenantId);
    return { tenant, settings };
  });
  const { settings, tenant } = loaded;
  const configured = channel === 'email' ? settings.channels.email : settings.channels[channel];
  if (!configured) throw new DomainError('conflict', `${channel} is not set up: save its settings first, then test it`);
  const bot = configured && 'preset' in configured && configured.preset === 'telegram-bot';
  const recipient = to ?? staffRecipients(channel, settings)[0];
  if (recipient === undefined) throw new DomainError('invalid_input', 'name the recipient of the test, or add a staff recipient to the channel', [{ path: ['to'], message: 'an email address, phone number or chat id' }]);
  const valid = channel === 'email' ? EMAIL.safeParse(recipient).success : bot ? CHAT.test(recipient) : PHONE.test(recipient);
  if (!valid) {
    const what = channel === 'email' ? 'an email address' : bot ? 'a chat id such as -1001234567890' : 'a phone number such as +254712345678';
    throw new DomainError('invalid_input', `the test recipient is not ${what}`, [{ path: ['to'], message: what }]);
  }
  const now = Date.now();
  const key = `test:${randomUUID()}`;
  const subject = `${tenant.name}: test message`;
  const body = `This is a test of ${channel} notifications from ${tenant.name}'s NOC Console.`;
  const secrets = await services.business.read((tx) => tx.notifications.settings.secrets(tenantId));
  const outcome = await sendOnChannel(channel, settings, secrets, { deliveryKey: deliveryKey({ tenantId, key, channel, recipient }), recipient, recipientName: null, subject, text: body }, TEST_TIMEOUT_MS);
  const delivery = await services.business.run(async (tx) => {
    const { delivery: made } = await tx.notifications.deliveries.insert({ tenantId, key, channel, recipient, recipientName: null, audience: 'test', message: 'test', subject, body, status: 'queued', nextAttemptAt: null }, now);
    const done = await tx.notifications.deliveries.update(made.id, outcome.ok ? { status: 'sent', attempts: 1, sentAt: Date.now() } : { status: 'failed', attempts: 1, lastError: outcome.error }, Date.now());
    const event = deliverySummary(done);
    tx.afterCommit(() => services.bus.publish('NotificationDeliveryUpdated', event, tenantId));
    return event;
  });
  return { channel, recipient: delivery.recipient, ok: outcome.ok, status: outcome.status, error: outcome.ok ? null : delivery.lastError, at: new Date(now).toISOString() };
}
