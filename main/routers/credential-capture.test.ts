import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import type { ServerMessage } from '../contract/protocol';
import { silentLogger } from '../core/logger';
import { startHeadlessHost, type HeadlessHost } from '../host/headless-host';
import { WsTestClient } from '../host/ws-test-client';
import { startSimulatedRouter, type SimulatedRouter } from './simulator';

/**
 * Issue 10, finding 2, over the real WebSocket of the headless host: an operator points a saved
 * router at its own TCP listener (changing only the port, or the host) to read the stored
 * password from the console's login. The update is refused with a field error; nothing ever
 * reaches the listener; only a password the operator types itself would.
 */
const STORED = 'Router-api-Pw-7f3k';
const OPERATOR = { username: 'otto', password: 'Field-tech-pw-1' };

function data<T>(message: ServerMessage): T {
  if (message.type !== 'result' || !message.ok) throw new Error(`expected a successful result, got ${JSON.stringify(message)}`);
  return message.data as T;
}

/** The operator's listener: records every connection and every byte the console sends it. */
function listener() {
  let received = '';
  let connections = 0;
  const waiting: Array<() => void> = [];
  const server: Server = createServer((socket) => {
    connections++;
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      for (const wake of waiting.splice(0)) wake();
    });
    socket.on('error', () => socket.destroy());
  });
  return {
    server,
    get connections() {
      return connections;
    },
    get received() {
      return received;
    },
    /** Resolves once `text` has arrived (the console's login is one sentence). */
    until(text: string): Promise<void> {
      return new Promise((resolve) => {
        const check = () => (received.includes(text) ? resolve() : waiting.push(check));
        check();
      });
    },
  };
}

describe('finding 2: stored router credentials never go to an endpoint they were not entered for', () => {
  let dir: string;
  let host: HeadlessHost;
  let sim: SimulatedRouter;
  let operator: WsTestClient;
  let tenantId: number;
  let routerId: number;
  const trap = listener();
  let trapPort: number;

  const routerEvent = (name: string, match: (payload: any) => boolean) =>
    operator.next((m) => m.type === 'event' && m.channel === `tenant.${tenantId}.routers` && m.name === name && match(m.payload), 20_000);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'noc-finding2-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    host = await startHeadlessHost({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), rendererDir: join(dir, 'renderer'), log: silentLogger, env: {} });
    const { services } = host.core;
    tenantId = (await services.accounts.run((tx) => tx.tenants.insert('Alpha Net', null, Date.now()))).id;
    const passwordHash = await hashPassword(OPERATOR.password);
    await services.accounts.run((tx) => tx.users.insert({ tenantId, name: 'Otto Op', username: OPERATOR.username, email: 'otto@alpha.example', role: 'operator', passwordHash }, Date.now()));
    sim = await startSimulatedRouter({ name: 'hq-1', username: 'api', password: STORED, clock: 'manual' });
    await new Promise<void>((resolve) => trap.server.listen(0, '127.0.0.1', resolve));
    trapPort = (trap.server.address() as AddressInfo).port;

    operator = await WsTestClient.connect(host.url);
    data(await operator.invoke('auth.signIn', OPERATOR));
    data(await operator.subscribe(`tenant.${tenantId}.routers`));
    const online = routerEvent('RouterStatusChanged', (p) => p.status.state === 'online');
    const added = data<{ id: number }>(
      await operator.invoke('routers.add', { name: 'hq-1', host: sim.host, port: sim.port, tls: 'off', username: 'api', password: STORED, site: '', notes: '', encoding: 'utf-8' }),
    );
    routerId = added.id;
    await online;
  });

  afterAll(async () => {
    await operator?.close();
    await host?.close();
    await sim?.stop();
    await new Promise((resolve) => trap.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an update that moves the router without its password, with a field error that says so', async () => {
    for (const change of [{ port: trapPort }, { host: 'localhost', port: trapPort }, { host: '127.0.0.2' }, { username: 'admin' }, { tls: 'anonymous' }]) {
      const reply = await operator.invoke('routers.update', { id: routerId, ...change });
      expect(reply, JSON.stringify(change)).toMatchObject({
        type: 'result',
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/enter the router’s password again/), details: { fields: { password: expect.stringMatching(/enter the password again/) } } },
      });
    }
    expect(await host.core.services.accounts.read((tx) => tx.routers.get(tenantId, routerId))).toMatchObject({ host: sim.host, port: sim.port, username: 'api', tls: 'off', hasPassword: true });

    // A connection test afterwards still goes to the router as saved, and the listener heard nothing.
    const tested = routerEvent('RouterTested', (p) => p.id === routerId);
    data(await operator.invoke('routers.test', { id: routerId }));
    expect((await tested as { payload: unknown }).payload).toMatchObject({ ok: true, identity: 'hq-1' });
    expect(trap.connections).toBe(0);
    expect(trap.received).toBe('');
  });

  it('sends only a password typed for the new endpoint, never the stored one', async () => {
    const login = trap.until('=password=');
    expect(await operator.invoke('routers.update', { id: routerId, port: trapPort, password: 'typed-for-the-trap' })).toMatchObject({ ok: true });
    await login;
    expect(trap.received).toContain('=password=typed-for-the-trap');
    expect(trap.received).not.toContain(STORED);
    expect(JSON.stringify(operator.received)).not.toContain(STORED);
  });
});
