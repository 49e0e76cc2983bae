import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { startHeadlessHost, type HeadlessHost } from './headless-host';
import { WsTestClient } from './ws-test-client';
import { parseHostArgs } from './cli-options';

describe('headless host', () => {
  let dir: string;
  let host: HeadlessHost;
  const clients: WsTestClient[] = [];
  const connect = async (headers?: Record<string, string>) => {
    const client = await WsTestClient.connect(host.url, headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'noc-host-'));
    const rendererDir = join(dir, 'renderer');
    await import('node:fs/promises').then((fs) => fs.mkdir(rendererDir));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>NOC</title>');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    host = await startHeadlessHost({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), rendererDir, log: silentLogger });
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>NOC</title>');
    const escape = await fetch(`${host.url}/%2e%2e/secret.txt`);
    expect(await escape.text()).not.toContain('outside');
  });

  it('answers malformed and unknown messages with errors and keeps serving other clients', async () => {
    const bad = await connect();
    const good = await connect();
    bad.sendRaw('{not json');
    expect(await bad.next((m) => m.type === 'error')).toMatchObject({ error: { code: 'malformed_message' } });
    bad.sendRaw(JSON.stringify({ type: 'launch-missiles', id: 9 }));
    expect(await bad.next((m) => m.type === 'result' && m.id === 9)).toMatchObject({ ok: false, error: { code: 'malformed_message' } });
    expect(await bad.invoke('no.such.invoke', {})).toMatchObject({ ok: false, error: { code: 'unknown_invoke' } });
    expect(await bad.invoke('system.status', { unexpected: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    bad.sendRaw(Buffer.from([0xde, 0xad]));
    bad.sendRaw('x'.repeat(300 * 1024));
    expect(await bad.next((m) => m.type === 'error' && m.error.code === 'payload_too_large')).toBeTruthy();
    expect(await good.invoke('system.status', {})).toMatchObject({ ok: true, data: { host: 'headless' } });
    expect(await bad.invoke('system.status', {})).toMatchObject({ ok: true });
  });

  it('refuses subscriptions the session may not have and malformed channel names', async () => {
    const client = await connect();
    expect(await client.subscribe('system.jobs')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await client.subscribe('tenant.1.sessions.hotspot')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await client.subscribe('tenant.1x.jobs')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await client.subscribe('app.status')).toMatchObject({ ok: true });
  });

  it('pushes a status event to subscribers when another client attaches', async () => {
    const watcher = await connect();
    const reply = await watcher.subscribe('app.status');
    const baseline = reply.type === 'result' && reply.ok ? (reply.data as { seq: number }).seq : -1;
    await connect();
    const event = await watcher.next((m) => m.type === 'event' && m.seq === baseline + 1);
    expect(event).toMatchObject({ channel: 'app.status', name: 'SystemStatusChanged', payload: { connections: expect.any(Number) } });
  });

  it('refuses WebSocket upgrades from a foreign origin but accepts its own', async () => {
    await expect(connect({ Origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({ Origin: host.url })).resolves.toBeInstanceOf(WsTestClient);
  });
});

describe('host command line', () => {
  it('binds loopback by default and rejects a bad port with a clear message', () => {
    expect(parseHostArgs([])).toMatchObject({ host: '127.0.0.1', port: 5780 });
    expect(parseHostArgs(['--port', '0', '--data-dir', '/tmp/x'])).toMatchObject({ port: 0, dataDir: '/tmp/x' });
    expect(() => parseHostArgs(['--port', 'abc'])).toThrow(/--port must be a whole number/);
    expect(() => parseHostArgs(['--bogus'])).toThrow(/bogus/);
  });

  it('collects every --allow-host name, and none by default', () => {
    expect(parseHostArgs([]).allowedHosts).toEqual([]);
    expect(parseHostArgs(['--allow-host', 'noc.lan', '--allow-host', 'wall.lan:8443']).allowedHosts).toEqual(['noc.lan', 'wall.lan:8443']);
  });
});
