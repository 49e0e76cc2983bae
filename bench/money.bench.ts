import { Worker } from 'node:worker_threads';
import { startTestHost } from '../main/host/test-host';
import { as, caller, seedPaymentTenants } from '../main/payments/payment-fixture';
import { expirySweepFigures } from './expiry-sweep-bench';
import { reconnectChainFigures } from './reconnect-chain-bench';
import { percentile, type BenchFigure } from './figure';

const CLIENTS = 32;
const WARMUP_SECONDS = 2;
const SECONDS = 10;
const SUBSCRIBERS = 1_000;

/**
 * The load: keep-alive HTTP clients on a worker thread (so they do not share the host's event
 * loop), each posting signed M-Pesa confirmations with fresh receipts back to back. Plain JS
 * evaluated in the worker: the bench runs under tsx, whose loader workers do not inherit.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { createHmac } = require('node:crypto');
const { port, secret, clients, warmupMs, measureMs, accounts } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
let seq = 0;
const latencies = [];
let ok = 0, failed = 0;
const post = (body) => new Promise((resolve, reject) => {
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(ts + '.' + body).digest('hex');
  const req = http.request({ host: '127.0.0.1', port, path: '/hooks/payments/1/mpesa', method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-noc-timestamp': ts, 'x-noc-signature': signature } }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', reject);
  req.end(body);
});
const start = performance.now();
const measureFrom = start + warmupMs, end = measureFrom + measureMs;
async function client() {
  while (performance.now() < end) {
    const n = seq++;
    const body = JSON.stringify({ TransactionType: 'Pay Bill', TransID: 'BENCH' + n, TransTime: '20240115142305', TransAmount: '1500.00', BusinessShortCode: '600638',
      BillRefNumber: accounts[n % accounts.length], MSISDN: '2547' + String(10000000 + n).slice(-8), FirstName: 'Bench' });
    const sent = performance.now();
    const status = await post(body);
    const done = performance.now();
    if (sent >= measureFrom && done <= end) {
      latencies.push(done - sent);
      if (status === 200) ok++; else failed++;
    } else if (status !== 200) failed++;
  }
}
Promise.all(Array.from({ length: clients }, client)).then(() => { agent.destroy(); parentPort.postMessage({ latencies, ok, failed, sent: seq }); });
`;

interface ClientReport {
  latencies: number[];
  ok: number;
  failed: number;
  sent: number;
}

/** Issue 12's figures: payment webhooks (durable), a payment reconnecting a subscriber, the expiry sweep. */
export default async function money(): Promise<BenchFigure[]> {
  return [...(await webhookFigures()), ...(await reconnectChainFigures()), ...(await expirySweepFigures())];
}

/**
 * Issue 12's webhook figure: signed M-Pesa confirmations from 32 concurrent keep-alive clients
 * against the real headless host, each answered 200 only after its payment (matched to one of
 * 1,000 subscribers, with its ledger entry) is committed with the store's FULL synchronous
 * commits; payments per second sustained over 10 s, and the response time p99.
 */
async function webhookFigures(): Promise<BenchFigure[]> {
  const host = await startTestHost();
  try {
    const { services } = host.host.core;
    const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) => ({ tenantId: 1 as const, username: `client${i}`, phone: `07${String(10000000 + i).slice(-8)}` }));
    await seedPaymentTenants(services, subscribers);
    const { secret } = await caller(services)('payments.rotateWebhookSecret', {}, as('tenant_admin'));
    const report = await new Promise<ClientReport>((resolve, reject) => {
      const worker = new Worker(CLIENT, {
        eval: true,
        workerData: { port: host.port, secret, clients: CLIENTS, warmupMs: WARMUP_SECONDS * 1000, measureMs: SECONDS * 1000, accounts: subscribers.map((s) => s.username) },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (report.failed > 0) throw new Error(`${report.failed} webhooks were not answered 200`);
    const stored = (host.host.core.db.prepare("SELECT count(*) AS n FROM payments WHERE reference LIKE 'BENCH%'").get() as { n: number }).n;
    const ledger = (host.host.core.db.prepare("SELECT count(*) AS n FROM ledger_entries WHERE kind = 'payment'").get() as { n: number }).n;
    if (stored !== report.sent || ledger !== report.sent) throw new Error(`${report.sent} webhooks sent, ${stored} payments and ${ledger} ledger entries stored`);
    return [
      { metric: `payment webhooks recorded, durable (FULL), ${CLIENTS} HTTP clients`, value: report.ok / SECONDS, unit: 'payments/s', target: 1_000, better: 'higher' },
      { metric: 'payment webhook response p99', value: percentile(report.latencies, 99), unit: 'ms', target: 50, better: 'lower' },
      { metric: 'payment webhook response p50', value: percentile(report.latencies, 50), unit: 'ms', target: 50, better: 'lower' },
    ];
  } finally {
    await host.dispose();
  }
}
