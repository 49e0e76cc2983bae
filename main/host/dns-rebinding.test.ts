import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowedHosts } from './allowed-hosts';
import { startTestHost, type TestHost } from './test-host';

/** A plain HTTP GET with the Host header we choose (fetch would not let us set it). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('DNS rebinding: the headless host answers only to names it was told', () => {
  let test: TestHost;
  let port: number;
  let url: string;
  const connect = (headers: Record<string, string>) => test.connect(headers);

  beforeAll(async () => {
    // A fresh install: no users, so setup.createAdmin is open to whoever reaches it first.
    test = await startTestHost({ allowedHosts: ['noc.example.net'] });
    port = test.port;
    url = test.host.url;
  });

  afterAll(() => test.dispose());

  it('refuses the rebinding upgrade (Host: evil.example with a matching Origin) with 403, so setup.createAdmin stays out of reach', async () => {
    const evil = `evil.example:${port}`;
    await expect(connect({ Host: evil, Origin: `http://${evil}` })).rejects.toThrow(/HTTP 403/);
    // Without an Origin (a script on the attacker's side of the rebinding) the name still decides.
    await expect(connect({ Host: evil })).rejects.toThrow(/HTTP 403/);
    // An allowed name with a foreign origin is refused too: origins are judged by the allow-list.
    await expect(connect({ Host: `127.0.0.1:${port}`, Origin: `http://${evil}` })).rejects.toThrow(/HTTP 403/);
    // The console is still unclaimed: no admin was created through the refused sockets.
    const local = await connect({ Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` });
    expect(await local.invoke('setup.status', {})).toMatchObject({ ok: true, data: { needsSetup: true } });
  });

  it('answers plain HTTP with a foreign Host with 421 Misdirected Request and never serves the page', async () => {
    const refused = await getWithHost(`${url}/`, `evil.example:${port}`);
    expect(refused.status).toBe(421);
    expect(refused.body).toMatch(/--allow-host/);
    expect(refused.body).not.toContain('<title>NOC</title>');
    // Tricks that could fool a lax parser: userinfo, a trailing path, another port of localhost.
    for (const trick of [`localhost@evil.example:${port}`, `evil.example:${port}/x`, `localhost:${port + 1}`]) {
      expect((await getWithHost(`${url}/`, trick)).status).toBe(421);
    }
  });

  it('still serves the bound address, the localhost names and --allow-host names', async () => {
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`, 'noc.example.net', `noc.example.net:${port}`]) {
      const res = await getWithHost(`${url}/`, name);
      expect(res.status, name).toBe(200);
      expect(res.body).toContain('<title>NOC</title>');
    }
    const viaLocalhost = await connect({ Host: `localhost:${port}`, Origin: `http://localhost:${port}` });
    expect(await viaLocalhost.invoke('system.status', {})).toMatchObject({ ok: true });
    const viaProxy = await connect({ Host: 'noc.example.net', Origin: 'https://noc.example.net' });
    expect(await viaProxy.invoke('system.status', {})).toMatchObject({ ok: true });
  });
});

describe('allowed host names', () => {
  it('accepts any IP literal on the bound port when bound to every interface, never a name', () => {
    const allowed = new AllowedHosts({ boundHost: '0.0.0.0', port: 5780, extraHosts: [], extraOrigins: [] });
    expect(allowed.hostAllowed('192.168.88.10:5780')).toBe(true);
    expect(allowed.hostAllowed('[fe80::1]:5780')).toBe(true);
    expect(allowed.hostAllowed('192.168.88.10:5781')).toBe(false);
    expect(allowed.hostAllowed('router.lan:5780')).toBe(false);
    expect(allowed.hostAllowed('0.0.0.0.evil.example:5780')).toBe(false);
    expect(allowed.hostAllowed(undefined)).toBe(false);
  });

  it('admits --allow-origin origins as given, refuses opaque and non-web origins, and rejects a malformed --allow-host at start', () => {
    const allowed = new AllowedHosts({ boundHost: '127.0.0.1', port: 5780, extraHosts: ['wall.lan:8443'], extraOrigins: ['https://wall.example'] });
    expect(allowed.originAllowed('https://wall.example')).toBe(true);
    expect(allowed.originAllowed('https://wall.lan:8443')).toBe(true);
    expect(allowed.originAllowed('https://wall.lan:9999')).toBe(false);
    expect(allowed.originAllowed('null')).toBe(false);
    expect(allowed.originAllowed('file://localhost:5780')).toBe(false);
    expect(() => new AllowedHosts({ boundHost: '127.0.0.1', port: 1, extraHosts: ['http://x/'], extraOrigins: [] })).toThrow(/--allow-host/);
  });
});
