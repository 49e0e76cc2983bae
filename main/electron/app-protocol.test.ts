import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The electron module cannot load here (the one mock we allow): `protocol` records what the shell
// registers, and `net.fetch` stands in for Chromium's file:// loader by reading the file.
const registered: { schemes: unknown[]; handlers: Map<string, (request: Request) => Promise<Response>> } = {
  schemes: [],
  handlers: new Map(),
};
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => registered.handlers.set(scheme, handler),
  },
  net: {
    fetch: async (url: string) => new Response(await readFile(fileURLToPath(url)), { headers: { 'Content-Type': 'text/html' } }),
  },
}));

const { APP_URL, isAppUrl, registerAppScheme, serveAppProtocol } = await import('./app-protocol');

describe('app:// protocol', () => {
  let dir: string;
  let root: string;
  let serve: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'noc-app-protocol-'));
    root = join(dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>NOC Console</title>');
    await writeFile(join(root, 'assets', 'app 1.js'), 'console.log(1)');
    // A secret next to the renderer folder: what a traversal would be after.
    await writeFile(join(dir, 'secret.txt'), 'not for the renderer');
    serveAppProtocol(root);
    serve = registered.handlers.get('app')!;
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('registers app as a standard, secure scheme and handles it', () => {
    registerAppScheme();
    expect(registered.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(typeof serve).toBe('function');
  });

  it('serves a file of the renderer with the strict CSP', async () => {
    const response = await serve(new Request(APP_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>NOC Console</title>');
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const script = await serve(new Request('app://noc/assets/app%201.js'));
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await serve(new Request(APP_URL, { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('refuses paths that leave the renderer folder, however they are spelled', async () => {
    const attempts = [
      'app://noc/../secret.txt', // folded to /secret.txt by the URL parser, as Chromium does
      'app://noc/%2e%2e/secret.txt', // likewise
      'app://noc/assets/..%2f..%2fsecret.txt', // survives parsing, decodes to ../../secret.txt
      'app://noc/a/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://noc/..%5csecret.txt', // a Windows separator once decoded
    ];
    for (const url of attempts) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('not for the renderer');
    }
    for (const url of attempts.slice(2)) expect((await serve(new Request(url))).status, url).toBe(403);
  });

  it('refuses unknown hosts, other methods, folders, missing files and bad encoding', async () => {
    expect((await serve(new Request('app://evil/index.html'))).status).toBe(404);
    expect((await serve(new Request(APP_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    expect((await serve(new Request('app://noc/assets/'))).status).toBe(404);
    expect((await serve(new Request('app://noc/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://noc/%E0%A4%A'))).status).toBe(400);
  });

  it('recognises only the served index.html as the app', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}#/status`)).toBe(true);
    expect(isAppUrl(`${APP_URL}.evil`)).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/index.html')).toBe(false);
  });
});
