import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { startHeadlessHost, type HeadlessHost } from '../host/headless-host';
import { WsTestClient } from '../host/ws-test-client';
import type { ServerMessage } from '../contract/protocol';

/**
 * Tenant isolation over the real wire: a headless host, raw WebSocket clients, and an admin of
 * tenant B trying everything of tenant A — reads, writes, forged tenant ids in payloads, forged
 * channel names — plus session resume across a reconnect.
 */
const ROOT = { username: 'root', password: 'Console-admin-pw-1' };
const registration = (tenant: string, admin: string) => ({
  tenant_name: tenant,
  admin_name: `${admin} Admin`,
  admin_username: admin,
  admin_email: `${admin}@${tenant.toLowerCase().replace(/\W/g, '')}.example`,
  admin_password: 'Tenant-admin-pw-1',
  admin_password_confirmation: 'Tenant-admin-pw-1',
  accept_terms: true,
});

function data<T>(message: ServerMessage): T {
  if (message.type !== 'result' || !message.ok) throw new Error(`expected a successful result, got ${JSON.stringify(message)}`);
  return message.data as T;
}
const errorCode = (message: ServerMessage) => (message.type === 'result' && !message.ok ? message.error.code : 'ok');

describe('tenant isolation over the WebSocket', () => {
  let dir: string;
  let host: HeadlessHost;
  const clients: WsTestClient[] = [];
  let tenantA: number;
  let tenantB: number;
  let aliceId: number;
  let adminA: WsTestClient;
  let adminB: WsTestClient;
  let tokenB: string;

  const connect = async () => {
    const client = await WsTestClient.connect(host.url);
    clients.push(client);
    return client;
  };
  const signIn = async (username: string, password: string) => {
    const client = await connect();
    const result = data<{ token: string; user: { tenantId: number | null } }>(await client.invoke('auth.signIn', { username, password }));
    return { client, ...result };
  };
  const eventOn = (client: WsTestClient, channel: string, name: string, match: (payload: any) => boolean = () => true) =>
    client.next((m) => m.type === 'event' && m.channel === channel && m.name === name && match(m.payload), 10_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'noc-isolation-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    host = await startHeadlessHost({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(dir, 'data'),
      rendererDir: join(dir, 'renderer'),
      log: silentLogger,
      env: { NOC_ADMIN_USERNAME: ROOT.username, NOC_ADMIN_PASSWORD: ROOT.password },
    });
    const { client: root } = await signIn(ROOT.username, ROOT.password);
    expect(data(await root.subscribe('system.tenants'))).toBeTruthy();
    for (const [tenant, admin] of [['Alpha Net', 'anna'], ['Beta Net', 'bert']] as const) {
      data(await root.invoke('tenants.register', registration(tenant, admin)));
      await eventOn(root, 'system.tenants', 'TenantCreated', (p) => p.tenant.name === tenant);
    }
    const tenants = data<{ tenants: Array<{ id: number; name: string }> }>(await root.invoke('tenants.list', {})).tenants;
    tenantA = tenants.find((t) => t.name === 'Alpha Net')!.id;
    tenantB = tenants.find((t) => t.name === 'Beta Net')!.id;

    ({ client: adminA } = await signIn('anna', 'Tenant-admin-pw-1'));
    data(await adminA.subscribe(`tenant.${tenantA}.users`));
    data(await adminA.invoke('users.create', { name: 'Alice Op', username: 'alice', email: 'alice@alpha.example', password: 'Field-tech-pw-1', role: 'operator' }));
    const created = await eventOn(adminA, `tenant.${tenantA}.users`, 'UserCreated', (p) => p.username === 'alice');
    aliceId = (created as { payload: { id: number } }).payload.id;
    ({ client: adminB, token: tokenB } = await signIn('bert', 'Tenant-admin-pw-1'));
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives tenant B's admin nothing of tenant A through invokes, whatever ids the payload forges", async () => {
    expect(errorCode(await adminB.invoke('users.list', { tenantId: tenantA }))).toBe('forbidden');
    const own = data<{ users: Array<{ username: string; tenantId: number }> }>(await adminB.invoke('users.list', {})).users;
    expect(own.map((u) => u.username)).toEqual(['bert']);
    expect(errorCode(await adminB.invoke('users.get', { id: aliceId }))).toBe('not_found');
    expect(errorCode(await adminB.invoke('users.update', { id: aliceId, role: 'viewer' }))).toBe('not_found');
    expect(errorCode(await adminB.invoke('users.setDisabled', { id: aliceId, disabled: true }))).toBe('not_found');
    expect(errorCode(await adminB.invoke('users.delete', { id: aliceId }))).toBe('not_found');
    expect(
      errorCode(await adminB.invoke('users.create', { tenantId: tenantA, name: 'Mole', username: 'mole', email: 'mole@beta.example', password: 'Mole-in-alpha-1', role: 'tenant_admin' })),
    ).toBe('forbidden');
    expect(errorCode(await adminB.invoke('audit.list', { tenantId: tenantA }))).toBe('forbidden');
    expect(errorCode(await adminB.invoke('audit.list', { tenantId: null }))).toBe('forbidden');
    const audit = data<{ entries: Array<{ tenantId: number | null; targetLabel: string | null }> }>(await adminB.invoke('audit.list', {})).entries;
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.tenantId === tenantB)).toBe(true);
    expect(errorCode(await adminB.invoke('tenants.list', {}))).toBe('forbidden');
    expect(errorCode(await adminB.invoke('tenants.register', registration('Gamma Net', 'gus')))).toBe('forbidden');
    const jobs = data<{ jobs: Array<{ tenantId: number | null }> }>(await adminB.invoke('jobs.list', {})).jobs;
    expect(jobs.some((j) => j.tenantId !== tenantB)).toBe(false);
    // Nothing changed in tenant A.
    const { accounts } = host.core.services;
    expect(await accounts.read((tx) => tx.users.get(aliceId))).toMatchObject({ role: 'operator', disabled: false, tenantId: tenantA });
    expect(await accounts.read((tx) => tx.users.findByUsername('mole'))).toBeNull();
  });

  it("refuses tenant B's admin every channel of tenant A and of the system, including forged names", async () => {
    for (const topic of ['users', 'routers', 'jobs', 'security', 'audit', 'tenants', 'sessions.hotspot', 'dashboard']) {
      expect(errorCode(await adminB.subscribe(`tenant.${tenantA}.${topic}`)), topic).toBe('forbidden');
    }
    for (const topic of ['tenants', 'security', 'users', 'audit', 'jobs']) {
      expect(errorCode(await adminB.subscribe(`system.${topic}`)), topic).toBe('forbidden');
    }
    const forged = [` tenant.${tenantA}.users`, `tenant.${tenantA} .users`, `tenant.0${tenantA}.users`, `tenant.+${tenantA}.users`, `tenant.${tenantA}..users`, `tenant.${tenantA}.users.`, `tenant.${tenantA}e0.users`, `tenant.${tenantB}.${tenantA}`, `TENANT.${tenantA}.users`];
    for (const channel of forged) expect(errorCode(await adminB.subscribe(channel)), channel).not.toBe('ok');
    expect(errorCode(await adminB.subscribe(`tenant.${tenantB}.users`))).toBe('ok');
  });

  it("never delivers tenant A's events to tenant B", async () => {
    data(await adminB.subscribe(`tenant.${tenantB}.users`));
    data(await adminA.invoke('users.create', { name: 'Amir Op', username: 'amir', email: 'amir@alpha.example', password: 'Read-only-pw-22', role: 'viewer' }));
    await eventOn(adminA, `tenant.${tenantA}.users`, 'UserCreated', (p) => p.username === 'amir');
    // A reply after the event was published: anything sent to B before it has arrived by now.
    data(await adminB.invoke('auth.me', {}));
    const leaked = adminB.received.filter((m) => m.type === 'event' && (m.channel.startsWith(`tenant.${tenantA}.`) || JSON.stringify(m.payload).includes('amir')));
    expect(leaked).toEqual([]);
  });

  it('keeps a viewer off the users channel of its own tenant, and anonymous connections off everything', async () => {
    const { client: viewer } = await signIn('amir', 'Read-only-pw-22');
    expect(errorCode(await viewer.subscribe(`tenant.${tenantA}.users`))).toBe('forbidden');
    expect(errorCode(await viewer.subscribe(`tenant.${tenantA}.routers`))).toBe('ok');
    expect(errorCode(await viewer.invoke('users.list', {}))).toBe('forbidden');
    const anonymous = await connect();
    expect(errorCode(await anonymous.invoke('users.list', {}))).toBe('unauthenticated');
    expect(errorCode(await anonymous.invoke('audit.list', {}))).toBe('unauthenticated');
    expect(errorCode(await anonymous.subscribe(`tenant.${tenantA}.routers`))).toBe('forbidden');
    expect(data(await anonymous.invoke('auth.me', {}))).toEqual({ user: null });
  });

  it('stays signed in across a reconnect with auth.resume, and a sign-out ends the token everywhere', async () => {
    await adminB.close();
    const again = await connect();
    expect(errorCode(await again.invoke('users.list', {}))).toBe('unauthenticated');
    expect(data(await again.invoke('auth.resume', { token: tokenB }))).toMatchObject({ token: tokenB, user: { username: 'bert', tenantId: tenantB } });
    expect(data<{ users: unknown[] }>(await again.invoke('users.list', {})).users).toHaveLength(1);
    data(await again.subscribe(`tenant.${tenantB}.users`));
    expect(data(await again.invoke('auth.signOut', {}))).toEqual({ signedOut: true });
    expect(errorCode(await again.invoke('users.list', {}))).toBe('unauthenticated');
    const third = await connect();
    expect(errorCode(await third.invoke('auth.resume', { token: tokenB }))).toBe('unauthenticated');
    expect(errorCode(await third.invoke('auth.resume', { token: 'forged-token' }))).toBe('unauthenticated');
  });
});
