import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import { invoker } from '../core/test-invoke';
import { waitForEvent } from '../events/wait-for-event';
import type { RouterLiveStatus } from '../routers/contract';
import { parsePrometheusText, sampleValue } from './prometheus-text';
import { startTestHost, type TestHost } from './test-host';
import { httpsRequest, trustPrintedCertificate } from './tls-test-client';

const CRASHING_SHARD = fileURLToPath(new URL('../routers/io/crashing-shard.test-worker.ts', import.meta.url));
const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

describe('console server over TLS (self-signed, on 127.0.0.1)', () => {
  let test: TestHost;
  let ca: string;
  const get = (path: string, headers?: Record<string, string>) => httpsRequest(`${test.host.url}${path}`, ca, { headers });

  beforeAll(async () => {
    // Router shards run the crashing test shard: a kick kills its worker, as a defect or an out-of-memory kill would.
    test = await startTestHost({ tls: 'self-signed', routerShardWorker: CRASHING_SHARD });
    ca = await trustPrintedCertificate(test.host.url, test.host.fingerprint!);
  });
  afterAll(() => test.dispose());

  it('serves HTTPS with the certificate whose fingerprint it gives, naming 127.0.0.1, and nothing in clear text', async () => {
    expect(test.host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(test.host.fingerprint).toMatch(FINGERPRINT);
    expect(test.host.notes[0]).toMatch(/Made a self-signed TLS certificate \(first start\)/);
    // The trusted certificate is checked by name too: 127.0.0.1 is one of its subject alternative names.
    expect((await get('/')).status).toBe(200);
    await expect(trustPrintedCertificate(test.host.url, 'AB:'.repeat(31) + 'AB')).rejects.toThrow(/not the printed/);
    const plain = new Promise<number>((resolve, reject) => {
      const req = httpRequest(test.host.url.replace('https', 'http'), (res) => resolve(res.statusCode!));
      req.on('error', reject);
      req.end();
    });
    await expect(plain).rejects.toThrow();
  });

  it('speaks the contract over WSS and keeps refusing foreign host names', async () => {
    const client = await test.connect({}, { ca });
    expect(await client.invoke('system.status', {})).toMatchObject({ ok: true, data: { host: 'headless' } });
    expect((await get('/', { Host: `evil.example:${test.port}` })).status).toBe(421);
    // Browsers: an https page of the console's own names may open the socket, another origin not.
    await expect(test.connect({ Origin: test.host.url }, { ca })).resolves.toBeTruthy();
    await expect(test.connect({ Origin: 'https://evil.example' }, { ca })).rejects.toThrow(/HTTP 403/);
    // Without a port, a Host header means 443 on an HTTPS console, which is not the port it serves.
    expect((await get('/healthz', { Host: '127.0.0.1' })).status).toBe(421);
  });

  it('reports healthy, and Prometheus metrics that parse, to this machine', async () => {
    const client = await test.connect({}, { ca });
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toBe('application/json');
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', checks: { store: true, jobs: true, routerShards: true } });
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parsePrometheusText(metrics.body);
    expect(sampleValue(samples, 'noc_sessions', { kind: 'hotspot' })).toBe(0);
    expect(sampleValue(samples, 'noc_sessions', { kind: 'pppoe' })).toBe(0);
    expect(sampleValue(samples, 'noc_jobs', { queue: 'tenant-management', state: 'queued' })).toBe(0);
    expect(sampleValue(samples, 'noc_consoles_connected')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(samples, 'noc_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(sampleValue(samples, 'noc_event_loop_lag_seconds', { stat: 'p99' })).toBeGreaterThanOrEqual(0);
    await client.close();
  });

  it('turns unhealthy (routerShards false) while a router shard worker is dead, and healthy when it is back', async () => {
    const { services } = test.host.core;
    const tenant = await seedTenant(services, 'Shard Test ISP');
    const admin = await sessionOf(services, await seedUser(services, { username: 'shard-admin', role: 'tenant_admin', tenantId: tenant.id }));
    const online = () => waitForEvent(services.bus, `tenant.${tenant.id}.routers`, (e) => e.name === 'RouterStatusChanged' && (e.payload as { status: RouterLiveStatus }).status.state === 'online');
    let back = online();
    const router = await invoker(services, admin)('routers.add', {
      name: 'hq-1', host: '127.0.0.1', port: 8728, tls: 'off', username: 'api', password: 'pw', site: '', notes: '', encoding: 'utf-8',
    });
    await back;
    expect(JSON.parse((await get('/healthz')).body)).toMatchObject({ status: 'ok' });

    back = online();
    await expect(services.liveRouters.kick(router.id, 'hotspot', '*1')).rejects.toThrow(/stopped before it answered/);
    const down = await get('/healthz');
    expect(down.status).toBe(503);
    expect(JSON.parse(down.body)).toEqual({ status: 'unhealthy', checks: { store: true, jobs: true, routerShards: false } });
    expect(sampleValue(parsePrometheusText((await get('/metrics')).body), 'noc_router_shards_down')).toBe(1);

    await back; // the worker started again and reports its router online
    const up = await get('/healthz');
    expect(up.status).toBe(200);
    expect(JSON.parse(up.body)).toEqual({ status: 'ok', checks: { store: true, jobs: true, routerShards: true } });
    const samples = parsePrometheusText((await get('/metrics')).body);
    expect(sampleValue(samples, 'noc_routers', { state: 'online' })).toBe(1);
    expect(sampleValue(samples, 'noc_router_shard_restarts')).toBe(1);
  });
});

describe('/metrics with a token', () => {
  let test: TestHost;
  const TOKEN = 'scrape-token-0123456789';

  beforeAll(async () => {
    test = await startTestHost({ metricsToken: TOKEN });
  });
  afterAll(() => test.dispose());

  it('asks for the Bearer token from everyone, this machine included, and leaves /healthz open', async () => {
    expect((await fetch(`${test.host.url}/metrics`)).status).toBe(403);
    expect((await fetch(`${test.host.url}/metrics`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(403);
    const scraped = await fetch(`${test.host.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(sampleValue(parsePrometheusText(await scraped.text()), 'noc_sessions', { kind: 'pppoe' })).toBe(0);
    expect((await fetch(`${test.host.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${test.host.url}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
