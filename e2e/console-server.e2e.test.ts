import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from '../main/host/prometheus-text';
import { httpsRequest, postJson, trustPrintedCertificate } from '../main/host/tls-test-client';
import { WsTestClient } from '../main/host/ws-test-client';
import { HostProcess } from './fixtures/host-process';

const HEALTHCHECK = join(import.meta.dirname, '../deploy/healthcheck.mjs');

/** Runs the container's HEALTHCHECK script against `url`; resolves with its exit code. */
function healthcheck(url: string): Promise<number | null> {
  const child = spawn(process.execPath, [HEALTHCHECK], { env: { ...process.env, NOC_HEALTHCHECK_URL: url }, stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const ADMIN = { username: 'noc-ops', password: 'Console-server-e2e-1' };

const registration = {
  tenant_name: 'Lakeside Fibre',
  admin_name: 'Amina Odhiambo',
  admin_username: 'amina',
  admin_email: 'amina@lakeside.example',
  admin_password: 'lakeside-pass-phrase-3',
  admin_password_confirmation: 'lakeside-pass-phrase-3',
  accept_terms: true,
};

describe('the built console server with --tls self-signed', () => {
  let host: HostProcess;
  let ca: string;
  const get = (path: string) => httpsRequest(`${host.url}${path}`, ca);
  const post = (path: string, body: unknown, token?: string) => postJson(`${host.url}${path}`, ca, body, token);

  beforeAll(async () => {
    host = await HostProcess.start(['--tls', 'self-signed'], { NOC_ADMIN_USERNAME: ADMIN.username, NOC_ADMIN_PASSWORD: ADMIN.password });
    ca = await trustPrintedCertificate(host.url, host.fingerprint!);
  });
  afterAll(() => host.dispose());

  it('serves HTTPS, prints the certificate fingerprint as browsers show it, keeps the key to its owner and reuses it after a restart', async () => {
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const first = host.fingerprint;
    expect(first).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(statSync(join(host.dataDir, 'tls', 'console-key.pem')).mode & 0o777).toBe(0o600);
    await host.stop();
    await host.launch({ NOC_ADMIN_USERNAME: ADMIN.username, NOC_ADMIN_PASSWORD: ADMIN.password });
    expect(host.fingerprint).toBe(first);
    expect(host.output).toContain('Made a self-signed TLS certificate (first start)');
    expect(host.output.match(/Made a self-signed TLS certificate/g)).toHaveLength(1);
  });

  it('answers /healthz and /metrics over HTTPS', async () => {
    const console = await WsTestClient.connect(host.url, {}, { ca });
    const health = await get('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok', checks: { store: true, jobs: true, routerShards: true } });
    const metrics = await get('/metrics');
    expect(metrics.status).toBe(200);
    const samples = parsePrometheusText(metrics.body);
    expect(sampleValue(samples, 'noc_consoles_connected')).toBe(1);
    expect(sampleValue(samples, 'noc_sessions', { kind: 'hotspot' })).toBe(0);
    expect(sampleValue(samples, 'noc_jobs', { queue: 'user-management', state: 'failed' })).toBe(0);
    expect(sampleValue(samples, 'noc_process_resident_memory_bytes')).toBeGreaterThan(0);
    await console.close();
  });

  it("passes the Docker image's HEALTHCHECK script, which fails where nothing healthy answers", async () => {
    expect(await healthcheck(`${host.url}/healthz`)).toBe(0);
    expect(await healthcheck('https://127.0.0.1:1/healthz')).toBe(1);
  });

  it('takes a tenant registration over the HTTP API once self-registration is on: 403, then 422 and 202, and TenantCreated reaches a console', async () => {
    expect((await post('/api/register/tenant', registration)).status).toBe(403);

    const signIn = await post('/api/sessions', ADMIN);
    expect(signIn.status).toBe(200);
    const { token } = JSON.parse(signIn.body) as { token: string };
    const console = await WsTestClient.connect(host.url, {}, { ca });
    expect(await console.invoke('auth.resume', { token })).toMatchObject({ ok: true });
    expect(await console.invoke('auth.updateSettings', { selfRegistration: true })).toMatchObject({ ok: true });
    expect(await console.subscribe('system.tenants')).toMatchObject({ ok: true });

    const invalid = await post('/api/register/tenant', { ...registration, admin_password_confirmation: 'something-else' });
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.body)).toMatchObject({ errors: { admin_password_confirmation: expect.any(String) } });

    const accepted = await post('/api/register/tenant', registration);
    expect(accepted.status).toBe(202);
    const { jobId } = JSON.parse(accepted.body) as { jobId: number };
    expect(jobId).toBeGreaterThan(0);
    const created = await console.next((m) => m.type === 'event' && m.name === 'TenantCreated', 20_000);
    expect(created).toMatchObject({ payload: { tenant: { name: 'Lakeside Fibre' }, admin: { username: 'amina', email: 'a***@lakeside.example' } } });
    await console.close();
  });
});
