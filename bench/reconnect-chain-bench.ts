import { startTestHost } from '../main/host/test-host';
import { invoker } from '../main/core/test-invoke';
import { waitForEvent } from '../main/events/wait-for-event';
import { as } from '../main/payments/payment-fixture';
import { signWebhook } from '../main/payments/webhook-signature';
import type { RouterLiveStatus } from '../main/routers/contract';
import { startSimulatedRouter } from '../main/routers/simulator';
import { sweepSubscriptions } from '../main/subscriptions/expiry-sweep';
import { percentile, type BenchFigure } from './figure';

const CHAINS = 30;

/**
 * Issue 12's "within 2 s": a signed M-Pesa confirmation for an expired PPPoE subscriber, posted
 * over HTTP to the headless host, until its secret is enabled on the simulated router (seen by
 * the simulator's own model, 5 ms reply latency): payment committed → payments.apply → apply-access
 * → the router's `set`. One chain at a time, 30 of them; p50 and p99.
 */
export async function reconnectChainFigures(): Promise<BenchFigure[]> {
  const host = await startTestHost();
  const sim = await startSimulatedRouter({ name: 'hq-1', password: 'sim-pass', replyLatencyMs: 5 });
  try {
    const { services } = host.host.core;
    await services.accounts.run((tx) => tx.tenants.insert('Tenant One', null, Date.now()));
    const call = invoker(services, as('tenant_admin'));
    await call('tenants.updateSettings', { name: 'Tenant One', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null });
    const online = waitForEvent(services.bus, 'tenant.1.routers', (e) => (e.payload as { status?: RouterLiveStatus }).status?.state === 'online', 30_000);
    const router = await call('routers.add', { name: 'hq-1', host: sim.host, port: sim.port, tls: 'off', username: sim.username, password: 'sim-pass', site: '', notes: '', encoding: 'utf-8' });
    await online;
    const plan = await call('plans.create', {
      kind: 'pppoe', name: 'Fibre 10M', priceMinor: 150_000, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: null,
      sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [router.id],
    });
    for (let n = 0; n < CHAINS; n += 1) {
      await call('subscribers.create', {
        kind: 'pppoe', name: `Customer ${n}`, phone: null, email: null, username: `c${n}`, password: 'secret-1', planId: plan.id, macLock: null, routerIds: [router.id],
        validUntil: new Date(Date.now() - 60_000).toISOString(),
      });
    }
    const settled = () => call('subscribers.list', { limit: CHAINS }).then((r) => r.subscribers.every((s) => s.status === 'expired' && s.accessChange === null));
    while (!(await call('subscribers.list', { limit: CHAINS })).subscribers.every((s) => s.status === 'active')) await waitForEvent(services.bus, 'tenant.1.subscribers', () => true, 30_000);
    await sweepSubscriptions(services);
    while (!(await settled())) await waitForEvent(services.bus, 'tenant.1.subscribers', () => true, 30_000);
    const { secret } = await call('payments.rotateWebhookSecret', {});
    const latencies: number[] = [];
    for (let n = 0; n < CHAINS; n += 1) {
      const enabled = new Promise<number>((resolve) => {
        const stop = sim.model.onChange('/ppp/secret', () => {
          if (sim.model.get('/ppp/secret', `c${n}`)?.disabled === 'false') {
            stop();
            resolve(performance.now());
          }
        });
      });
      const body = JSON.stringify({ TransactionType: 'Pay Bill', TransID: `CHAIN${n}`, TransTime: '20261202101500', TransAmount: '1500.00', BusinessShortCode: '600638', BillRefNumber: `c${n}`, MSISDN: '254712345678' });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const sent = performance.now();
      const response = await fetch(`http://127.0.0.1:${host.port}/hooks/payments/1/mpesa`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-noc-timestamp': timestamp, 'x-noc-signature': signWebhook(secret, timestamp, body) },
        body,
      });
      if (response.status !== 200) throw new Error(`webhook ${n} answered ${response.status}`);
      latencies.push((await enabled) - sent);
    }
    return [
      { metric: 'payment webhook → PPPoE secret enabled on the router (5 ms replies), p50', value: percentile(latencies, 50), unit: 'ms', target: 2_000, better: 'lower' },
      { metric: 'payment webhook → PPPoE secret enabled on the router (5 ms replies), p99', value: percentile(latencies, 99), unit: 'ms', target: 2_000, better: 'lower' },
    ];
  } finally {
    await host.dispose();
    await sim.stop();
  }
}
