import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, seedUser, TEST_PASSWORD } from '../auth/test-accounts';
import { waitForEvent } from '../events/wait-for-event';
import { API_BODY_LIMIT } from './api-routes';
import { startTestHost, type TestHost } from './test-host';
import { httpsRequest, postJson, trustPrintedCertificate } from './tls-test-client';

const registration = {
  tenant_name: 'Sunrise Wireless',
  admin_name: 'Grace Wanjiru',
  admin_username: 'grace',
  admin_email: 'grace@sunrise.example',
  admin_password: 'a-long-pass-phrase-7',
  admin_password_confirmation: 'a-long-pass-phrase-7',
  accept_terms: true,
};

const newUser = { name: 'Otieno Field', username: 'otieno', email: 'otieno@coast.example', password: 'another-pass-phrase-9', role: 'operator' };

describe('HTTP API over HTTPS', () => {
  let test: TestHost;
  let ca: string;
  const post = (path: string, body: unknown, token?: string) => postJson(`${test.host.url}${path}`, ca, body, token);
  let coast: { id: number };
  let inland: { id: number };

  beforeAll(async () => {
    test = await startTestHost({ tls: 'self-signed' });
    ca = await trustPrintedCertificate(test.host.url, test.host.fingerprint!);
    const { services } = test.host.core;
    coast = await seedTenant(services, 'Coast Net');
    inland = await seedTenant(services, 'Inland Net');
    await seedUser(services, { username: 'coast-admin', role: 'tenant_admin', tenantId: coast.id });
    await seedUser(services, { username: 'inland-admin', role: 'tenant_admin', tenantId: inland.id });
    await seedUser(services, { username: 'coast-viewer', role: 'viewer', tenantId: coast.id });
  });
  afterAll(() => test.dispose());

  const tokenOf = async (username: string) => {
    const reply = await post('/api/sessions', { username, password: TEST_PASSWORD });
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.body) as { token: string }).token;
  };

  it('refuses a tenant registration with 403 while self-registration is switched off', async () => {
    const reply = await post('/api/register/tenant', registration);
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/Self-registration is switched off/) } });
  });

  it('answers a wrong registration with 422 and a message per field', async () => {
    await test.host.core.services.accounts.run((tx) => test.host.core.services.auth.updateSettings(tx, { selfRegistration: true }));
    const reply = await post('/api/register/tenant', { ...registration, admin_email: 'not-an-email', admin_password_confirmation: 'different', accept_terms: false });
    expect(reply.status).toBe(422);
    const { errors } = JSON.parse(reply.body) as { errors: Record<string, string> };
    expect(Object.keys(errors).sort()).toEqual(['accept_terms', 'admin_email', 'admin_password_confirmation']);
    // Fields the form does not have are refused by the input schema, also per field.
    const unknown = await post('/api/register/tenant', { ...registration, plan: 'gold' });
    expect(unknown.status).toBe(422);
    const wrongType = await post('/api/register/tenant', { ...registration, accept_terms: 'yes' });
    expect(JSON.parse(wrongType.body)).toMatchObject({ errors: { accept_terms: expect.any(String) } });
  });

  it('accepts a registration with 202 and its job id; TenantCreated follows on the new tenant', async () => {
    const { bus } = test.host.core.services;
    const created = waitForEvent(bus, 'system.tenants', (e) => e.name === 'TenantCreated');
    const reply = await post('/api/register/tenant', registration);
    expect(reply.status).toBe(202);
    const { jobId } = JSON.parse(reply.body) as { jobId: number };
    expect(jobId).toBeGreaterThan(0);
    const event = await created;
    expect(event.payload).toMatchObject({ tenant: { name: 'Sunrise Wireless' }, admin: { username: 'grace', email: 'g***@sunrise.example' } });
  });

  it('refuses what is not JSON (415), too big (413) or not an object (422), and unknown API paths (404)', async () => {
    const url = `${test.host.url}/api/register/tenant`;
    expect((await httpsRequest(url, ca, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'tenant_name=x' })).status).toBe(415);
    expect((await httpsRequest(url, ca, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"tenant_name":' })).status).toBe(400);
    expect((await post('/api/register/tenant', { tenant_name: 'x'.repeat(API_BODY_LIMIT) })).status).toBe(413);
    expect((await post('/api/register/tenant', [registration])).status).toBe(422);
    expect((await httpsRequest(url, ca)).status).toBe(405);
    expect((await post('/api/tenants', {})).status).toBe(404);
  });

  it("creates a user with a tenant admin's bearer token: 202, then UserCreated on the tenant's channel", async () => {
    const token = await tokenOf('coast-admin');
    const watcher = await test.connect({}, { ca });
    expect(await watcher.invoke('auth.resume', { token })).toMatchObject({ ok: true });
    expect(await watcher.subscribe(`tenant.${coast.id}.users`)).toMatchObject({ ok: true });
    const reply = await post(`/api/tenants/${coast.id}/users`, newUser, token);
    expect(reply.status).toBe(202);
    expect(JSON.parse(reply.body)).toMatchObject({ jobId: expect.any(Number) });
    const event = await watcher.next((m) => m.type === 'event' && m.name === 'UserCreated');
    expect(event).toMatchObject({ channel: `tenant.${coast.id}.users`, payload: { username: 'otieno', tenantId: coast.id, role: 'operator', email: 'o***@coast.example' } });
    // Validated as over the WebSocket: per-field errors.
    const invalid = await post(`/api/tenants/${coast.id}/users`, { ...newUser, username: 'otieno', email: 'nope' }, token);
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.body)).toMatchObject({ errors: { username: expect.any(String), email: expect.any(String) } });
  });

  it('refuses users without a token or with an ended one (401), and for another tenant or a viewer (403)', async () => {
    const noToken = await post(`/api/tenants/${coast.id}/users`, newUser);
    expect(noToken.status).toBe(401);
    expect(noToken.headers['www-authenticate']).toBe('Bearer');
    const unknown = await post(`/api/tenants/${coast.id}/users`, newUser, 'not-a-session-token');
    expect(unknown.status).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"');

    const inlandToken = await tokenOf('inland-admin');
    const other = await post(`/api/tenants/${coast.id}/users`, { ...newUser, username: 'intruder', email: 'intruder@inland.example' }, inlandToken);
    expect(other.status).toBe(403);
    expect(await test.host.core.services.accounts.read((tx) => tx.users.usernameTaken('intruder'))).toBe(false);
    const viewer = await post(`/api/tenants/${coast.id}/users`, { ...newUser, username: 'peeker', email: 'peeker@coast.example' }, await tokenOf('coast-viewer'));
    expect(viewer.status).toBe(403);

    // A token signed out over the WebSocket stops working here at once.
    const client = await test.connect({}, { ca });
    await client.invoke('auth.resume', { token: inlandToken });
    await client.invoke('auth.signOut', {});
    expect((await post(`/api/tenants/${inland.id}/users`, newUser, inlandToken)).status).toBe(401);
    expect((await post('/api/sessions', { username: 'coast-admin', password: 'wrong-password-1' })).status).toBe(401);
  });
});

describe('HTTP API rate limit', () => {
  let test: TestHost;

  beforeAll(async () => {
    test = await startTestHost({ apiLimit: { points: 3, seconds: 60 } });
  });
  afterAll(() => test.dispose());

  it('answers requests over the per-address limit with 429 and Retry-After, before reading them', async () => {
    const post = () => fetch(`${test.host.url}/api/register/tenant`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(registration) });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await post());
    expect(statuses.map((r) => r.status)).toEqual([403, 403, 403, 429]);
    expect(Number(statuses[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await statuses[3]!.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/wait \d+ s/) } });
  });
});

describe('HTTP API under the core’s sign-in limits', () => {
  let test: TestHost;

  beforeAll(async () => {
    test = await startTestHost({ invokeLimits: { signInsPerAddress: { points: 2, seconds: 60 } } });
  });
  afterAll(() => test.dispose());

  it('counts API sign-ins with the WebSocket’s, per address: the third is 429 with Retry-After', async () => {
    const signIn = () => fetch(`${test.host.url}/api/sessions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'guess-1234' }) });
    const ws = await test.connect();
    expect(await ws.invoke('auth.signIn', { username: 'nobody', password: 'guess-1234' })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect((await signIn()).status).toBe(401);
    const limited = await signIn();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/from your network address/) } });
  });
});
