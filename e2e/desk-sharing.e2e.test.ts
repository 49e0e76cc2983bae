import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChannelMessage, NocApi } from '../main/contract/api';
import { SESSION_TOKEN_KEY } from '../main/contract/session-token';
import type { BackendStatus, ConsoleBackendApi } from '../main/electron/console-backend-contract';
import { FakeIpcMain, FakeWindow } from '../main/electron/testing/electron-ipc-pair';
import type { TestDesk } from '../main/electron/testing/test-desk';
import { arrivals } from '../main/electron/testing/arrivals';
import { chromiumForBlock } from './fixtures/browser';
import { HostProcess } from './fixtures/host-process';
import { signIn } from './fixtures/sign-in';

// The desktop-shaped client: the real preload and the real main-process bridge and relay, joined
// by an in-memory IPC pair where Electron would be (the `electron` module is the one mock).
const ipcMain = new FakeIpcMain();
const desk = new FakeWindow(ipcMain);
const exposed: Record<string, unknown> = {};
vi.mock('electron', () => ({ ipcMain, ipcRenderer: desk.ipcRenderer, contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) } }));

const ROOT = { username: 'noc-root', password: 'Desks-share-pw-1' };

function registration(name: string, admin: string) {
  return {
    tenant_name: name,
    admin_name: `${admin} Admin`,
    admin_username: admin,
    admin_email: `${admin}@desks.example`,
    admin_password: 'Tenant-admin-pw-1',
    admin_password_confirmation: 'Tenant-admin-pw-1',
    accept_terms: true,
  };
}

describe('one console server for a NOC’s desks (issue 16)', () => {
  const browser = chromiumForBlock();
  let host: HostProcess;
  let deskData: string;
  let shell: TestDesk;

  beforeAll(async () => {
    host = await HostProcess.start(['--tls', 'self-signed'], { NOC_ADMIN_USERNAME: ROOT.username, NOC_ADMIN_PASSWORD: ROOT.password });
    deskData = mkdtempSync(join(tmpdir(), 'noc-desk-'));
    const { attachTestDesk } = await import('../main/electron/testing/test-desk');
    shell = attachTestDesk(deskData);
    await import('../preload/index');
  });

  afterAll(async () => {
    vi.unstubAllGlobals();
    shell?.detach();
    await host?.dispose();
    rmSync(deskData, { recursive: true, force: true });
  });

  async function openBrowserConsole(): Promise<Page> {
    // The browser trusts the self-signed certificate as a person clicking through would; the desk pins it instead.
    const context = await browser().newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await page.goto(`${host.url}/#/tenants`);
    await signIn(page, ROOT.username, ROOT.password);
    await page.getByTestId('tenants-empty').or(page.getByTestId('tenants-table')).waitFor();
    return page;
  }

  it('serves two browser consoles and a desktop app over TLS: a change at one reaches the others; a changed certificate is refused', async () => {
    expect(host.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const printed = host.fingerprint!;
    expect(printed).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    // The desk: asked where the console runs, it connects to the server, compares the fingerprint with the printed one, and signs in.
    const choice = exposed.nocConsole as ConsoleBackendApi;
    const noc = exposed.noc as NocApi;
    const statuses = arrivals<BackendStatus>();
    choice.onStatus((status) => statuses.push(status));
    expect(await choice.current()).toBeNull();
    expect(await choice.probe(host.url)).toEqual({ ok: true, data: { url: host.url, fingerprint: printed, pin: 'new', message: null } });
    expect(await choice.useServer(host.url, printed)).toEqual({ ok: true, data: { kind: 'server', url: host.url, fingerprint: printed } });
    await statuses.first((s) => s.state === 'connected', 'the server connection');
    const signedIn = await noc.invoke('auth.signIn', ROOT);
    expect(signedIn).toMatchObject({ ok: true, data: { user: { username: ROOT.username, role: 'system_admin' } } });
    // Kept where the desk's renderer keeps it (its window's sessionStorage; Node has none, so a plain one stands in).
    const kept = new Map([[SESSION_TOKEN_KEY, signedIn.ok && 'token' in signedIn.data ? signedIn.data.token : '']]);
    vi.stubGlobal('sessionStorage', { getItem: (key: string) => kept.get(key) ?? null });
    const deskEvents = arrivals<ChannelMessage>();
    noc.subscribe('system.tenants', (message) => deskEvents.push(message));
    // Replies come in order: once this one is in, the subscription above is live.
    expect(await noc.invoke('tenants.list', {})).toMatchObject({ ok: true, data: { tenants: [] } });

    // Two browser consoles signed in to the same server, on the Tenants view.
    const [first, second] = [await openBrowserConsole(), await openBrowserConsole()];

    // A change at the first browser console reaches the second and the desk.
    const form = first.getByTestId('registration-form');
    const typed = registration('Kilimani Net', 'kilimani');
    await form.getByTestId('reg-tenant-name').fill(typed.tenant_name);
    await form.getByTestId('reg-admin-name').fill(typed.admin_name);
    await form.getByTestId('reg-admin-username').fill(typed.admin_username);
    await form.getByTestId('reg-admin-email').fill(typed.admin_email);
    await form.getByTestId('reg-admin-password').fill(typed.admin_password);
    await form.getByTestId('reg-admin-password-confirmation').fill(typed.admin_password);
    await form.getByTestId('reg-accept-terms').check();
    await form.getByTestId('reg-submit').click();
    await first.getByTestId('registration-accepted').waitFor();
    await second.getByRole('cell', { name: 'Kilimani Net', exact: true }).waitFor();
    const created = await deskEvents.first((m) => m.kind === 'event' && m.name === 'TenantCreated', 'TenantCreated');
    expect(created).toMatchObject({ kind: 'event', payload: { tenant: { name: 'Kilimani Net' } } });

    // A change at the desk reaches both browser consoles.
    expect(await noc.invoke('tenants.register', registration('Ruaka Fibre', 'ruaka'))).toMatchObject({ ok: true, data: { jobId: expect.any(Number) } });
    for (const page of [first, second]) await page.getByRole('cell', { name: 'Ruaka Fibre', exact: true }).waitFor();
    await deskEvents.first((m) => m.kind === 'event' && (m.payload as { tenant: { name: string } }).tenant.name === 'Ruaka Fibre', 'its own tenant');

    // The desk ran no backend of its own: no core started, nothing in its data folder but the pin.
    expect(shell.embeddedStarts).toBe(0);
    expect(shell.backends.embeddedStarted).toBe(false);
    expect(readdirSync(deskData)).toEqual(['servers.json']);

    // The server restarts with the same certificate: the desk reconnects by itself, re-attaches its
    // session before resubscribing, and its change reaches the browsers (reconnected too) and itself.
    const down = statuses.seen.length;
    await host.stop();
    await host.launch();
    expect(host.fingerprint).toBe(printed);
    await statuses.first((s) => s.state === 'reconnecting', 'the drop', down);
    await statuses.first((s) => s.state === 'connected', 'the reconnect', down);
    const seenBefore = deskEvents.seen.length;
    expect(await noc.invoke('tenants.register', registration('Karen Links', 'karen'))).toMatchObject({ ok: true });
    for (const page of [first, second]) await page.getByRole('cell', { name: 'Karen Links', exact: true }).waitFor();
    await deskEvents.first((m) => m.kind === 'event' && (m.payload as { tenant: { name: string } }).tenant.name === 'Karen Links', 'the tenant after the restart', seenBefore);

    // The server comes back with another certificate: the desk refuses it, says why, and will not connect to it.
    await host.stop();
    rmSync(join(host.dataDir, 'tls'), { recursive: true, force: true });
    await host.launch();
    const replaced = host.fingerprint!;
    expect(replaced).not.toBe(printed);
    const refused = await statuses.first((s) => s.problem !== null, 'the refusal');
    expect(refused.state).toBe('offline');
    expect(refused.problem).toContain(`The server's certificate changed from ${printed} to ${replaced}`);
    expect(refused.problem).toContain(`remove the pin in ${join(deskData, 'servers.json')}`);
    expect(refused.problem).toContain('otherwise someone may be intercepting the connection');
    // The views see the connection offline (their stale banner), not a silent hang.
    const states: string[] = [];
    noc.onConnectionState((state) => states.push(state))();
    expect(states).toEqual(['offline']);
    expect(await choice.useServer(host.url, replaced)).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`changed from ${printed} to ${replaced}`) } });
    expect(await choice.servers()).toMatchObject({ ok: true, data: [{ url: host.url, fingerprint: printed }] });
  });

  it('asks on the sign-in screen where the console runs: a changed certificate is refused there, a forgotten server is confirmed by its fingerprint', async () => {
    const { ConsoleBackends } = await import('../main/electron/console-backends');
    const { ServerPins } = await import('../main/electron/server-pins');
    const { silentLogger } = await import('../main/core/logger');
    const { makeTestPki } = await import('../main/routers/simulator/test-certificates');
    // This desk pinned another certificate for the server's address earlier.
    const pins = new ServerPins(join(deskData, 'chooser-servers.json'));
    const earlier = makeTestPki().issue('127.0.0.1').cert;
    expect(pins.use(host.url, earlier)).toMatchObject({ ok: true });
    const chooser = new ConsoleBackends({ pins, startEmbedded: () => Promise.reject(new Error('not chosen')), log: silentLogger });

    // The page is the real renderer; its window.nocConsole calls these main-process backends
    // (the preload's calls, carried by Playwright instead of IPC). Its protocol goes over the page's own WebSocket.
    const context = await browser().newContext({ ignoreHTTPSErrors: true });
    await context.exposeFunction('deskBackend', (op: string, args: string[]) => {
      const calls: Record<string, () => unknown> = {
        current: () => chooser.current(),
        servers: () => chooser.servers(),
        probe: () => chooser.probe(args[0]!),
        useServer: () => chooser.useServer(args[0]!, args[1]!),
        forget: () => chooser.forget(args[0]!),
      };
      return calls[op]!();
    });
    await context.addInitScript(() => {
      const call = (op: string, ...args: string[]) => (window as unknown as { deskBackend: (op: string, args: string[]) => Promise<never> }).deskBackend(op, args);
      (window as unknown as { nocConsole: ConsoleBackendApi }).nocConsole = {
        current: () => call('current'),
        servers: () => call('servers'),
        probe: (url) => call('probe', url),
        useServer: (url, fingerprint) => call('useServer', url, fingerprint),
        useThisComputer: () => call('useThisComputer'),
        leave: () => call('leave'),
        forget: (url) => call('forget', url),
        onStatus: (listener) => (listener({ state: 'connected', problem: null }), () => undefined),
      };
    });
    const page = await context.newPage();
    await page.goto(`${host.url}/#/dashboard`);

    // The question, with the remembered server listed.
    await page.getByTestId('auth-choose-backend').waitFor();
    expect(await page.getByTestId('backend-server').textContent()).toContain(host.url);
    // Its certificate is not the pinned one: refused, with the reason.
    await page.getByTestId('backend-server-connect').click();
    const refusal = await page.getByTestId('backend-error').textContent();
    expect(refusal).toContain(`The server's certificate changed from`);
    expect(refusal).toContain(`to ${host.fingerprint}`);
    expect(refusal).toContain('otherwise someone may be intercepting the connection');
    // Forgotten, it is new: its fingerprint is shown to compare with the printed one, then trusted.
    await page.getByRole('button', { name: `Forget ${host.url}` }).click();
    await page.getByTestId('backend-servers').waitFor({ state: 'detached' });
    await page.getByTestId('backend-url').fill(host.url.replace('https://', ''));
    await page.getByTestId('backend-connect').click();
    expect(await page.getByTestId('backend-fingerprint').textContent()).toBe(host.fingerprint);
    await page.getByTestId('backend-trust').click();
    // The sign-in screen says where it is signing in, and signing in works.
    expect(await page.getByTestId('backend-current').textContent()).toContain(`Console: ${host.url}`);
    await signIn(page, ROOT.username, ROOT.password);
    expect(pins.list()).toMatchObject([{ url: host.url, fingerprint: host.fingerprint }]);
    await context.close();
  });
});
