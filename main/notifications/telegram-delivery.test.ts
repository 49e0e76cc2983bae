import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import { waitForEvent } from '../events/wait-for-event';
import { as, caller, seedPaymentTenants, type Call } from '../payments/payment-fixture';
import type { DeliverySummary } from './contract';
import { raiseStaffNotificationNow } from './raise-staff-notification';

const TOKEN = '123456789:AAH-test_bot-token-5521';

describe('Telegram bot preset against a local Bot API on 127.0.0.1', () => {
  let core: TestCore;
  let call: Call;
  let api: Server;
  // The path carries the token: this receiver records method and path, which the Bot API routes by.
  const requests: Array<{ method: string; path: string; headers: IncomingHttpHeaders; body: string }> = [];
  let arrived: () => void = () => {};
  const events: BusEvent[] = [];

  beforeEach(async () => {
    requests.length = 0;
    events.length = 0;
    api = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        requests.push({ method: req.method!, path: req.url!, headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":{"message_id":1}}');
        arrived();
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    core = await startTestCore();
    call = caller(core.services);
    await seedPaymentTenants(core.services, []);
    const baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    await call(
      'notifications.updateSettings',
      {
        channels: { telegram: { preset: 'telegram-bot', baseUrl, botToken: TOKEN, chatId: '-1001234567890' } },
        rules: { 'job-failed': { enabled: true, channels: ['in-app', 'telegram'] } },
        customerMessages: { expired: { enabled: true, template: 'Expired: {{plan}}', channels: ['sms'] } },
      },
      as('tenant_admin'),
    );
    core.services.bus.subscribe('tenant.1.notifications.deliveries', (e) => events.push(e));
  });
  afterEach(async () => {
    api.closeAllConnections();
    await new Promise<void>((resolve) => api.close(() => resolve()));
    await core.dispose();
  });

  it('posts sendMessage to the staff chat with the token in the path only, never in the log or events', async () => {
    const received = new Promise<void>((resolve) => (arrived = resolve));
    const sent = waitForEvent(core.services.bus, 'tenant.1.notifications.deliveries', (e) => (e.payload as DeliverySummary).status === 'sent');
    await raiseStaffNotificationNow(core.services, { tenantId: 1, rule: 'job-failed', key: 'job-failed:77:3', severity: 'warning', title: 'Job failed for good: reports.render', body: 'disk full', subject: { type: 'job', id: 77, label: 'reports.render' } });
    await received;
    expect((await sent).payload).toMatchObject({ channel: 'telegram', recipient: '-1001234567890', audience: 'staff', message: 'job-failed' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: `/bot${TOKEN}/sendMessage`, headers: { 'content-type': 'application/json', 'idempotency-key': expect.stringMatching(/^noc-1-telegram-[0-9a-f]{24}$/) } });
    expect(JSON.parse(requests[0]!.body)).toEqual({ chat_id: '-1001234567890', text: 'Job failed for good: reports.render\ndisk full' });
    const log = await call('notifications.deliveries', {}, as('tenant_admin'));
    expect(JSON.stringify([log, events])).not.toContain('AAH-test_bot-token');
  });

  it('refuses a bot for customer messages, and a test names the chat', async () => {
    await expect(call('notifications.updateSettings', { customerMessages: { expired: { enabled: true, template: 'Expired: {{plan}}', channels: ['telegram'] } } }, as('tenant_admin'))).rejects.toMatchObject({
      error: { code: 'invalid_input', details: [{ path: ['customerMessages', 'expired', 'channels'], message: expect.stringContaining('Telegram bot posts to its staff chat') }] },
    });
    expect(await call('notifications.test', { channel: 'telegram' }, as('tenant_admin'))).toMatchObject({ ok: true, status: 200, recipient: '-1001234567890' });
    expect(JSON.parse(requests[0]!.body)).toMatchObject({ chat_id: '-1001234567890', text: "This is a test of telegram notifications from Tenant 1's NOC Console." });
  });
});
