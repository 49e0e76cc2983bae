import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canSubscribe } from '../auth/permissions';
import { startTestCore, type TestCore } from '../core/test-core';
import { parseChannel } from '../events/channels';
import { waitForEvent } from '../events/wait-for-event';
import { as, caller, seedPaymentTenants, type Call } from '../payments/payment-fixture';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';
import type { WebhookDeliverySummary, WebhookSubscriptionSummary } from './contract';
import { WebhookReceiver, type ReceivedWebhook } from './testing/webhook-receiver';
import { deliverJobKey } from './webhook-delivery';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const admin = (tenantId = 1) => as('tenant_admin', tenantId);

describe('event webhooks: signed deliveries of a tenant’s events to its own receiver', () => {
  let core: TestCore;
  let call: Call;
  let jane: SubscriberRecord;
  let otieno: SubscriberRecord;
  let receivers: WebhookReceiver[];

  beforeEach(async () => {
    core = await startTestCore();
    call = caller(core.services);
    [jane, otieno] = await seedPaymentTenants(core.services, [
      { tenantId: 1, username: 'jane', phone: '0712 345 678' },
      { tenantId: 2, username: 'otieno', phone: '0722000111' },
    ]) as [SubscriberRecord, SubscriberRecord];
    receivers = [];
  });
  afterEach(async () => {
    await core.dispose();
    await Promise.all(receivers.map((r) => r.close()));
  });

  const receiver = async () => {
    const r = await WebhookReceiver.start();
    receivers.push(r);
    return r;
  };
  const subscribe = (url: string, events: string[], extra: { pauseAfter?: number } = {}, tenantId = 1) =>
    call('webhooks.create', { url, events: events as never, description: 'billing system', ...extra }, admin(tenantId));
  const pay = (reference: string, tenantId = 1) =>
    call('payments.record', { subscriberId: tenantId === 1 ? jane.id : otieno.id, provider: 'mpesa', reference, amountMinor: 150_000, payerPhone: tenantId === 1 ? '0712345678' : '0722000111' }, as('operator', tenantId));
  const deliveryUpdate = (match: (d: WebhookDeliverySummary) => boolean, tenantId = 1) =>
    waitForEvent(core.services.bus, `tenant.${tenantId}.webhooks`, (e) => e.name === 'WebhookDeliveryUpdated' && match(e.payload as WebhookDeliverySummary)).then((e) => e.payload as WebhookDeliverySummary);
  /** The retries' backoff, without waiting it out: their jobs come due now, and run. */
  const runRetriesNow = async (uniqueKey?: string) => {
    const only = uniqueKey === undefined ? '' : ' AND unique_key = ?';
    core.db.prepare(`UPDATE jobs SET run_at = ? WHERE name = 'webhooks.deliver' AND status = 'queued'${only}`).run(Date.now(), ...(uniqueKey === undefined ? [] : [uniqueKey]));
    core.services.jobs.checkDue();
    await core.services.jobs.drained();
  };
  const bodyOf = (request: ReceivedWebhook) => JSON.parse(request.body) as { id: string; event: string; tenantId: number; occurredAt: string; data: Record<string, unknown> };

  it('delivers an event published after commit, signed with the subscription’s secret, with the payload masked as on the channel', async () => {
    const billing = await receiver();
    const created = await subscribe(billing.url, ['PaymentReceived', 'PaymentReversed']);
    expect(created).toMatchObject({ tenantId: 1, url: billing.url, events: ['PaymentReceived', 'PaymentReversed'], enabled: true, paused: false, pauseAfter: 10, consecutiveFailures: 0 });
    expect(created.secret).toMatch(/^[0-9a-f]{64}$/);
    // Sealed at rest; the list never shows it.
    const stored = core.db.prepare('SELECT secret_sealed FROM webhook_subscriptions WHERE id = ?').get(created.id) as { secret_sealed: string };
    expect(stored.secret_sealed).not.toContain(created.secret);
    expect(JSON.stringify(await call('webhooks.list', {}, admin()))).not.toContain(created.secret);

    const sent = deliveryUpdate((d) => d.status === 'sent');
    const payment = await pay('QK71ABC2XY');
    const request = await billing.nth(1);
    expect(WebhookReceiver.verify(request, created.secret)).toBeNull();
    expect(WebhookReceiver.verify(request, 'not-the-secret')).toMatch(/does not match/);
    const body = bodyOf(request);
    expect(request.headers['x-noc-event']).toBe('PaymentReceived');
    expect(request.headers['content-type']).toBe('application/json');
    expect(body).toMatchObject({ event: 'PaymentReceived', tenantId: 1, data: { id: payment.id, reference: 'QK71ABC2XY', amountMinor: 150_000, payerPhone: '0712***678' } });
    expect(body.id).toMatch(UUID);
    expect(Date.parse(body.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(request.body).not.toContain('0712345678');

    const delivery = await sent;
    expect(delivery).toMatchObject({ subscriptionId: created.id, event: 'PaymentReceived', eventId: body.id, key: request.headers['x-noc-delivery'], attempts: 1, responseStatus: 200, lastError: null });
    expect(delivery.key).toMatch(UUID);
    const log = await call('webhooks.deliveries', { id: created.id }, admin());
    expect(log.deliveries.map((d) => [d.event, d.status])).toEqual([['PaymentReceived', 'sent']]);
    // The body and the secret never reach the job's payload (lists and events show it).
    const job = core.db.prepare("SELECT payload FROM jobs WHERE name = 'webhooks.deliver'").get() as { payload: string };
    expect(JSON.parse(job.payload)).toEqual({ deliveryId: delivery.id });
  });

  it('never sends a tenant another tenant’s events, nor events a subscription did not choose', async () => {
    const alpha = await receiver();
    const bravo = await receiver();
    const alphaSub = await subscribe(alpha.url, ['PaymentReceived']);
    const reversalsOnly = await subscribe(alpha.url, ['PaymentReversed']);
    const bravoSub = await subscribe(bravo.url, ['PaymentReceived'], {}, 2);

    const alphaSent = deliveryUpdate((d) => d.status === 'sent');
    await pay('QKA1');
    await alphaSent;
    const bravoSent = deliveryUpdate((d) => d.status === 'sent', 2);
    await pay('QKB1', 2);
    await bravoSent;
    await core.services.jobs.drained();

    expect(alpha.received.map((r) => bodyOf(r).data.reference)).toEqual(['QKA1']);
    expect(bravo.received.map((r) => [bodyOf(r).tenantId, bodyOf(r).data.reference])).toEqual([[2, 'QKB1']]);
    expect(WebhookReceiver.verify(bravo.received[0]!, bravoSub.secret)).toBeNull();
    expect(WebhookReceiver.verify(bravo.received[0]!, alphaSub.secret)).not.toBeNull();
    expect((await call('webhooks.deliveries', { id: reversalsOnly.id }, admin())).deliveries).toEqual([]);
    expect((await call('webhooks.deliveries', { id: bravoSub.id }, admin(2))).deliveries.map((d) => d.tenantId)).toEqual([2]);
    // Tenant 2 neither lists, reads nor changes tenant 1's subscriptions.
    expect((await call('webhooks.list', {}, admin(2))).subscriptions.map((s) => s.id)).toEqual([bravoSub.id]);
    for (const attempt of [
      call('webhooks.deliveries', { id: alphaSub.id }, admin(2)),
      call('webhooks.update', { id: alphaSub.id, enabled: false }, admin(2)),
      call('webhooks.rotateSecret', { id: alphaSub.id }, admin(2)),
      call('webhooks.test', { id: alphaSub.id }, admin(2)),
      call('webhooks.delete', { id: alphaSub.id }, admin(2)),
    ]) {
      await expect(attempt).rejects.toMatchObject({ error: { code: 'not_found' } });
    }
    await expect(call('webhooks.create', { tenantId: 1, url: bravo.url, events: ['PaymentReceived'] }, admin(2))).rejects.toMatchObject({ error: { code: 'forbidden' } });
  });

  it('retries a failing receiver with growing backoff, resets the count on success, pauses after N failures in a row and skips what waits, and resumes', async () => {
    const flaky = await receiver();
    flaky.status = 500;
    const sub = await subscribe(flaky.url, ['PaymentReceived'], { pauseAfter: 3 });

    const firstFailure = deliveryUpdate((d) => d.status === 'retrying' && d.attempts === 1);
    await pay('QK1');
    const d1 = await firstFailure;
    expect(d1).toMatchObject({ responseStatus: 500, lastError: expect.stringContaining('the receiver answered 500') });
    const delay = (d: WebhookDeliverySummary) => Date.parse(d.nextAttemptAt!) - Date.parse(d.lastAttemptAt!);
    // Exponential with jitter: 15–30 s after the first failure, 30–60 s after the second.
    expect(delay(d1)).toBeGreaterThanOrEqual(15_000);
    expect(delay(d1)).toBeLessThanOrEqual(30_000);
    const secondFailure = deliveryUpdate((d) => d.id === d1.id && d.attempts === 2);
    await runRetriesNow();
    const again = await secondFailure;
    expect(again.status).toBe('retrying');
    expect(delay(again)).toBeGreaterThanOrEqual(30_000);
    expect(delay(again)).toBeLessThanOrEqual(60_000);
    // The same delivery each time (receivers de-duplicate on it), signed afresh.
    expect(flaky.received.map((r) => r.headers['x-noc-delivery'])).toEqual([d1.key, d1.key]);
    for (const r of flaky.received) expect(WebhookReceiver.verify(r, sub.secret)).toBeNull();
    expect((await call('webhooks.list', {}, admin())).subscriptions[0]).toMatchObject({ consecutiveFailures: 2, paused: false, lastError: expect.stringContaining('500') });

    flaky.status = 200;
    const recovered = deliveryUpdate((d) => d.id === d1.id && d.status === 'sent');
    await runRetriesNow();
    expect(await recovered).toMatchObject({ attempts: 3, responseStatus: 200 });
    expect((await call('webhooks.list', {}, admin())).subscriptions[0]).toMatchObject({ consecutiveFailures: 0, lastSuccessAt: expect.any(String) });

    // Three failures in a row now: two first attempts, then one retry.
    flaky.status = 500;
    const d2Failed = deliveryUpdate((d) => d.status === 'retrying' && d.id !== d1.id);
    await pay('QK2');
    const d2 = await d2Failed;
    const d3Failed = deliveryUpdate((d) => d.status === 'retrying' && d.id > d2.id);
    await pay('QK3');
    const d3 = await d3Failed;
    const paused = waitForEvent(core.services.bus, 'tenant.1.webhooks', (e) => e.name === 'WebhookSubscriptionPaused');
    const d3Skipped = deliveryUpdate((d) => d.id === d3.id && d.status === 'skipped');
    const sentBefore = flaky.received.length;
    await runRetriesNow(deliverJobKey(d2.id, 2));
    expect((await paused).payload).toMatchObject({ id: sub.id, paused: true, consecutiveFailures: 3, pauseAfter: 3 });
    await d3Skipped;
    expect(flaky.received).toHaveLength(sentBefore + 1);
    // d3's retry job still runs when due, and sends nothing.
    await runRetriesNow();
    expect(flaky.received).toHaveLength(sentBefore + 1);
    // Paused: a new event queues nothing.
    await pay('QK4');
    expect(await core.services.business.read((tx) => tx.webhooks.receiving(1, 'PaymentReceived'))).toEqual([]);

    await expect(call('webhooks.resume', { id: sub.id }, as('operator'))).rejects.toMatchObject({ error: { code: 'forbidden' } });
    flaky.status = 204;
    const resumed = await call('webhooks.resume', { id: sub.id }, admin());
    expect(resumed).toMatchObject({ paused: false, pausedAt: null, consecutiveFailures: 0 });
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 })))[0]).toMatchObject({ action: 'webhook.resumed', targetType: 'webhook', targetId: sub.id });
    await expect(call('webhooks.resume', { id: sub.id }, admin())).rejects.toMatchObject({ error: { code: 'conflict' } });
    const d5Sent = deliveryUpdate((d) => d.status === 'sent' && d.id > d3.id);
    await pay('QK5');
    await d5Sent;
    const log = await call('webhooks.deliveries', { id: sub.id }, admin());
    expect(log.deliveries.map((d) => [JSON.parse(core.db.prepare('SELECT body FROM webhook_deliveries WHERE id = ?').pluck().get(d.id) as string).data.reference, d.status, d.attempts])).toEqual([
      ['QK5', 'sent', 1],
      ['QK3', 'skipped', 1],
      ['QK2', 'failed', 2],
      ['QK1', 'sent', 3],
    ]);
  });

  it('sends a test ping on demand, signs with a rotated secret from then on, and deletes', async () => {
    const r = await receiver();
    const sub = await subscribe(r.url, ['PaymentReversed']);
    const pinged = deliveryUpdate((d) => d.event === 'WebhookTest' && d.status === 'sent');
    const queued = await call('webhooks.test', { id: sub.id }, admin());
    expect(queued).toMatchObject({ event: 'WebhookTest', status: 'queued', maxAttempts: 1 });
    await pinged;
    expect(r.received[0]!.headers['x-noc-event']).toBe('WebhookTest');
    expect(bodyOf(r.received[0]!).data).toMatchObject({ subscriptionId: sub.id });

    const rotated = await call('webhooks.rotateSecret', { id: sub.id }, admin());
    expect(rotated.secret).not.toBe(sub.secret);
    const second = deliveryUpdate((d) => d.event === 'WebhookTest' && d.status === 'sent' && d.id !== queued.id);
    await call('webhooks.test', { id: sub.id }, admin());
    await second;
    expect(WebhookReceiver.verify(r.received[1]!, rotated.secret)).toBeNull();
    expect(WebhookReceiver.verify(r.received[1]!, sub.secret)).not.toBeNull();

    const updated = await call('webhooks.update', { id: sub.id, events: ['PaymentReceived', 'PaymentReceived'], description: 'ERP', enabled: false }, admin());
    expect(updated).toMatchObject({ events: ['PaymentReceived'], description: 'ERP', enabled: false });
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 1 })))[0]).toMatchObject({ action: 'webhook.updated', details: { changed: ['events', 'description', 'enabled'] } });
    const deleted = waitForEvent(core.services.bus, 'tenant.1.webhooks', (e) => e.name === 'WebhookSubscriptionDeleted');
    expect(await call('webhooks.delete', { id: sub.id }, admin())).toEqual({ id: sub.id });
    expect((await deleted).payload).toEqual({ id: sub.id });
    expect(core.db.prepare('SELECT count(*) FROM webhook_deliveries').pluck().get()).toBe(0);
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: 1 }, { limit: 10 }))).map((e) => e.action)).toEqual(
      expect.arrayContaining(['webhook.created', 'webhook.tested', 'webhook.secret_rotated', 'webhook.updated', 'webhook.deleted']),
    );
  });

  it('logs a secret that cannot be opened here as a failed attempt and sends nothing unsigned', async () => {
    const r = await receiver();
    const sub = await subscribe(r.url, ['PaymentReceived']);
    core.db.prepare("UPDATE webhook_subscriptions SET secret_sealed = 'sealed-under-another-key' WHERE id = ?").run(sub.id);
    const failed = deliveryUpdate((d) => d.status === 'failed');
    await call('webhooks.test', { id: sub.id }, admin());
    expect((await failed).lastError).toMatch(/signing secret cannot be opened.*make a new secret/);
    expect(r.received).toEqual([]);
    const rotated = await call('webhooks.rotateSecret', { id: sub.id }, admin());
    const sent = deliveryUpdate((d) => d.status === 'sent');
    await call('webhooks.test', { id: sub.id }, admin());
    await sent;
    expect(WebhookReceiver.verify(r.received[0]!, rotated.secret)).toBeNull();
  });

  it('sends a router’s status when its state changes, not with every resource poll', async () => {
    const noc = await receiver();
    await subscribe(noc.url, ['RouterStatusChanged']);
    const status = (state: 'online' | 'offline', cpuLoad: number) => ({
      id: 41, status: { state, identity: 'hq-1', board: null, version: '7.18', uptimeSeconds: 60, cpuLoad, memoryUsedPercent: 20, lastSeenAt: null, lastError: null },
    });
    core.services.bus.publish('RouterStatusChanged', status('online', 5), 1);
    core.services.bus.publish('RouterStatusChanged', status('online', 35), 1);
    core.services.bus.publish('RouterStatusChanged', status('offline', 35), 1);
    await noc.nth(2);
    await core.services.jobs.drained();
    expect(noc.received).toHaveLength(2);
    expect(noc.received.map((r) => (bodyOf(r).data as { status: { state: string } }).status.state).sort()).toEqual(['offline', 'online']);
  });

  it('refuses operators and viewers every webhook invoke and the webhooks channel', async () => {
    const sub = await subscribe('https://hooks.example.com/noc', ['PaymentReceived']);
    const calls = [
      ['webhooks.list', {}],
      ['webhooks.deliveries', { id: sub.id }],
      ['webhooks.create', { url: 'https://hooks.example.com/x', events: ['PaymentReceived'] }],
      ['webhooks.update', { id: sub.id, enabled: false }],
      ['webhooks.delete', { id: sub.id }],
      ['webhooks.rotateSecret', { id: sub.id }],
      ['webhooks.resume', { id: sub.id }],
      ['webhooks.test', { id: sub.id }],
    ] as const;
    for (const role of ['operator', 'viewer'] as const) {
      for (const [name, input] of calls) await expect(call(name, input as never, as(role)), `${role} ${name}`).rejects.toMatchObject({ error: { code: 'forbidden' } });
      expect(canSubscribe(as(role), parseChannel('tenant.1.webhooks')!)).toBe(false);
    }
    expect(canSubscribe(admin(), parseChannel('tenant.1.webhooks')!)).toBe(true);
    expect((await call('webhooks.list', {}, admin())).subscriptions).toHaveLength(1);
  });

  it('says what is wrong with a URL, an event name or the pause threshold, and stores nothing', async () => {
    const refusal = async (input: Record<string, unknown>) => {
      try {
        await call('webhooks.create', { url: 'https://hooks.example.com/noc', events: ['PaymentReceived'], ...input } as never, admin());
      } catch (error) {
        return (error as { error: { code: string; message: string } }).error;
      }
      throw new Error(`accepted ${JSON.stringify(input)}`);
    };
    expect(await refusal({ url: 'http://hooks.example.com/noc' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('use https://') });
    expect((await refusal({ url: 'ftp://hooks.example.com/noc' })).message).toContain('use an https:// URL');
    expect((await refusal({ url: 'https://user:pw@hooks.example.com/' })).message).toContain('no user or password in the URL');
    expect((await refusal({ url: 'hooks.example.com' })).message).toContain('a full URL');
    expect((await refusal({ events: ['PaymentMade'] })).message).toContain('unknown event "PaymentMade": choose among PaymentReceived');
    expect((await refusal({ events: ['HotspotSessionsChanged'] })).message).toContain('unknown event "HotspotSessionsChanged"');
    expect((await refusal({ events: [] })).message).toContain('choose at least one event');
    expect((await refusal({ pauseAfter: 0 })).message).toContain('pause after 1 to 100 failed attempts in a row');
    expect((await refusal({ pauseAfter: 101 })).message).toContain('pause after 1 to 100');
    expect((await call('webhooks.list', {}, admin())).subscriptions).toEqual([]);
    // Plain http to this machine's loopback is allowed (a local gateway, a test receiver).
    expect(await subscribe('http://localhost:8080/hook', ['PaymentReceived'])).toMatchObject({ url: 'http://localhost:8080/hook' });
  });

  it('keeps the newest 200 finished deliveries of a subscription and none older than 30 days', async () => {
    const sub: WebhookSubscriptionSummary = await subscribe('https://hooks.example.com/noc', ['PaymentReceived']);
    const now = Date.now();
    const pruned = await core.services.business.run(async (tx) => {
      for (let i = 0; i < 230; i++) {
        const { delivery } = await tx.webhooks.insertDelivery({ tenantId: 1, subscriptionId: sub.id, event: 'PaymentReceived', eventId: `e${i}`, key: `k${i}`, body: '{}', maxAttempts: 8 }, i < 5 ? now - 31 * 86_400_000 : now);
        // The newest one still waits for its attempt: never pruned.
        if (i < 229) await tx.webhooks.updateDelivery(delivery.id, { status: 'sent', attempts: 1, responseStatus: 200, lastError: null, lastAttemptAt: now, nextAttemptAt: null, sentAt: now });
      }
      return tx.webhooks.prune(sub.id, 200, now - 30 * 86_400_000);
    });
    expect(pruned).toBe(30);
    const left = await call('webhooks.deliveries', { id: sub.id, limit: 200 }, admin());
    expect(left.deliveries).toHaveLength(200);
    expect(left.deliveries[0]).toMatchObject({ eventId: 'e229', status: 'queued' });
    expect(left.deliveries.at(-1)!.eventId).toBe('e30');
  });
});
