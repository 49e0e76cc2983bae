import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestPki } from '../routers/simulator/test-certificates';
import { certificateOf } from '../routers/client/peer-certificate';
import { normalizeServerUrl, ServerPins } from './server-pins';

const pki = makeTestPki();
const first = pki.issue('127.0.0.1').cert;
const replaced = pki.issue('127.0.0.1').cert;
const other = pki.issue('noc.example.net').cert;
const fingerprint = (pem: string) => certificateOf(pem).fingerprint;

describe('remembered console servers and their pinned certificates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-pins-'));
  let pins: ServerPins;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    rmSync(join(dir, 'servers.json'), { force: true });
    pins = new ServerPins(join(dir, 'servers.json'));
  });

  it('asks on first use, pins what was confirmed, and accepts the same certificate later', () => {
    const url = 'https://127.0.0.1:5780';
    expect(pins.compare(url, fingerprint(first))).toEqual({ url, fingerprint: fingerprint(first), pin: 'new', message: null });
    expect(pins.use(url, first, 1000)).toMatchObject({ ok: true, data: { url, fingerprint: fingerprint(first), lastUsedAt: 1000 } });
    expect(pins.compare(url, fingerprint(first)).pin).toBe('pinned');
    expect(pins.use(url, first, 2000)).toMatchObject({ ok: true, data: { lastUsedAt: 2000 } });
    // A fresh reader of the same file (the next app start) knows the pin.
    expect(new ServerPins(pins.file).get(url)).toMatchObject({ fingerprint: fingerprint(first), certificate: first });
  });

  it('refuses a changed certificate with both fingerprints, where the pin lives and what to suspect', () => {
    const url = 'https://127.0.0.1:5780';
    pins.use(url, first);
    const probe = pins.compare(url, fingerprint(replaced));
    expect(probe.pin).toBe('changed');
    const used = pins.use(url, replaced);
    expect(used.ok).toBe(false);
    const message = used.ok ? '' : used.error.message;
    expect(message).toBe(probe.message);
    expect(message).toContain(`The server's certificate changed from ${fingerprint(first)} to ${fingerprint(replaced)}`);
    expect(message).toContain(`If the server's certificate was replaced on purpose, remove the pin in ${pins.file}`);
    expect(message).toContain('otherwise someone may be intercepting the connection');
    // The pin stays the old one: a refusal never re-pins.
    expect(pins.get(url)?.fingerprint).toBe(fingerprint(first));
  });

  it('lists servers last used first and forgets one (after which its new certificate is asked about again)', () => {
    pins.use('https://a.example:5780', first, 10);
    pins.use('https://b.example:5780', other, 30);
    pins.use('https://c.example:5780', replaced, 20);
    expect(pins.list().map((s) => s.url)).toEqual(['https://b.example:5780', 'https://c.example:5780', 'https://a.example:5780']);
    expect(Object.keys(pins.list()[0]!).sort()).toEqual(['fingerprint', 'lastUsedAt', 'url']);
    pins.forget('https://c.example:5780');
    expect(pins.list().map((s) => s.url)).toEqual(['https://b.example:5780', 'https://a.example:5780']);
    expect(pins.compare('https://c.example:5780', fingerprint(first)).pin).toBe('new');
  });

  it('writes the file whole, readable by its owner only, with nothing left aside', () => {
    pins.use('https://a.example:5780', first);
    expect(readdirSync(dir)).toEqual(['servers.json']);
    expect(statSync(pins.file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(pins.file, 'utf8'))).toMatchObject({ version: 1, servers: [{ url: 'https://a.example:5780' }] });
  });

  it('trusts nothing anew when the file is damaged: it says which file and what to do', () => {
    writeFileSync(pins.file, '{"version":1,"servers":[{"url":');
    expect(() => pins.compare('https://a.example:5780', fingerprint(first))).toThrow(`the remembered servers in ${pins.file} cannot be read: restore that file, or delete it`);
  });
});

describe('a console server address as a person types it', () => {
  it('keeps the https origin, adds https:// to a bare name, and refuses other schemes and credentials', () => {
    expect(normalizeServerUrl(' https://noc.example.net:5780/ ')).toEqual({ ok: true, data: 'https://noc.example.net:5780' });
    expect(normalizeServerUrl('noc.example.net:5780')).toEqual({ ok: true, data: 'https://noc.example.net:5780' });
    expect(normalizeServerUrl('https://NOC.example.net')).toEqual({ ok: true, data: 'https://noc.example.net' });
    for (const [input, words] of [
      ['http://noc.example.net:5780', 'Use https://'],
      ['https://admin:pw@noc.example.net', 'Leave the user name and password out'],
      ['', 'Enter the console server'],
      ['https://exa mple', 'is not an address'],
    ] as const) {
      const result = normalizeServerUrl(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining(words) });
    }
  });
});
