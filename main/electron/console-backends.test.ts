import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../contract/protocol';
import type { BackendStatus } from './console-backend-contract';
import { FakeIpcMain, FakeWindow } from './testing/electron-ipc-pair';
import { arrivals } from './testing/arrivals';

// The electron module cannot load here: the fake IPC pair stands in (the one mock we allow).
const ipcMain = new FakeIpcMain();
vi.mock('electron', () => ({ ipcMain }));

const { attachIpcBridge } = await import('./ipc-bridge');
const { ConsoleBackends } = await import('./console-backends');
const { ServerPins } = await import('./server-pins');
const { startTestHost } = await import('../host/test-host');
const { startTlsTerminator } = await import('./testing/tls-terminator');
const { attachTestDesk } = await import('./testing/test-desk');
type TestDesk = import('./testing/test-desk').TestDesk;
const { makeTestPki } = await import('../routers/simulator/test-certificates');
const { silentLogger } = await import('../core/logger');
const { IPC_CHANNEL } = await import('../contract/ipc-channel');
const { CONSOLE_BACKEND_CHANNEL, CONSOLE_BACKEND_STATE_CHANNEL } = await import('./console-backend-contract');

type TestHost = Awaited<ReturnType<typeof startTestHost>>;
type Terminator = Awaited<ReturnType<typeof startTlsTerminator>>;

/** What one window's renderer side receives, and waits for what comes next. */
function watchWindow(window: FakeWindow) {
  const messages = arrivals<ServerMessage>(10_000);
  const statuses = arrivals<BackendStatus>(10_000);
  window.ipcRenderer.on(IPC_CHANNEL, (_event, message: ServerMessage) => messages.push(message));
  window.ipcRenderer.on(CONSOLE_BACKEND_STATE_CHANNEL, (_event, status: BackendStatus) => statuses.push(status));
  let nextId = 100;
  return {
    messages: messages.seen,
    statuses: statuses.seen,
    send: (message: unknown) => window.ipcRenderer.send(IPC_CHANNEL, message),
    error: () => messages.first((m) => m.type === 'error', 'an error message'),
    request: (request: unknown) => window.ipcRenderer.invoke(CONSOLE_BACKEND_CHANNEL, request) as Promise<{ ok: boolean; data?: any; error?: any }>,
    status: (state: BackendStatus['state'], from = statuses.seen.length) => statuses.first((s) => s.state === state, `status ${state}`, from),
    invoke: (name: string, input: unknown = {}) => {
      const id = nextId++;
      window.ipcRenderer.send(IPC_CHANNEL, { type: 'invoke', id, name, input });
      return messages.first((m) => m.type === 'result' && m.id === id, `the reply to ${name}`);
    },
    event: (channel: string, from = messages.seen.length) => messages.first((m) => m.type === 'event' && m.channel === channel, `an event on ${channel}`, from),
  };
}

describe('the desktop app on a console server', () => {
  const pki = makeTestPki();
  const certificate = pki.issue('127.0.0.1');
  let host: TestHost;
  let tls: Terminator;
  let dataDir: string;
  let shell: TestDesk;

  beforeAll(async () => {
    // The host admits the name 127.0.0.1 on the terminator's port (a desk types the server's address).
    host = await startTestHost({ allowedHosts: ['127.0.0.1'] });
  });
  afterAll(() => host.dispose());

  beforeEach(async () => {
    tls = await startTlsTerminator({ target: { host: '127.0.0.1', port: host.port }, certificate });
    dataDir = mkdtempSync(join(tmpdir(), 'noc-desk-'));
    shell = attachTestDesk(dataDir);
  });

  afterEach(async () => {
    shell.detach();
    await tls.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The sign-in screen's first connect: probe, compare, confirm. */
  async function connect(desk: ReturnType<typeof watchWindow>) {
    const probe = await desk.request({ op: 'probe', url: tls.url });
    expect(probe).toEqual({ ok: true, data: { url: tls.url, fingerprint: tls.fingerprint, pin: 'new', message: null } });
    const from = desk.statuses.length;
    expect(await desk.request({ op: 'use-server', url: tls.url, fingerprint: probe.data.fingerprint })).toEqual({
      ok: true,
      data: { kind: 'server', url: tls.url, fingerprint: tls.fingerprint },
    });
    await desk.status('connected', from);
  }

  it('relays the protocol both ways over the pinned connection and starts no core of its own', async () => {
    const desk = watchWindow(new FakeWindow(ipcMain));
    expect(await desk.request({ op: 'current' })).toEqual({ ok: true, data: null });
    await connect(desk);
    const baseline = host.host.core.services.status.current().connections;
    expect(await desk.invoke('system.status')).toMatchObject({ type: 'result', ok: true, data: { connections: baseline } });
    // Server → desk: an event of a channel the desk subscribed to.
    const from = desk.messages.length;
    desk.send({ type: 'subscribe', id: 1, channel: 'app.status' });
    await desk.invoke('system.status');
    host.host.core.services.bus.publish('SystemStatusChanged', host.host.core.services.status.current());
    expect(await desk.event('app.status', from)).toMatchObject({ name: 'SystemStatusChanged' });
    // No core here: not started, and the data folder holds only the pins.
    expect(shell.embeddedStarts).toBe(0);
    expect(shell.backends.embeddedStarted).toBe(false);
    expect(readdirSync(dataDir)).toEqual(['servers.json']);
    // A second window (or a reload) joins the chosen server by asking what is current.
    const second = watchWindow(new FakeWindow(ipcMain));
    expect(await second.request({ op: 'current' })).toMatchObject({ ok: true, data: { kind: 'server', url: tls.url } });
    await second.status('connected');
    expect(await second.invoke('system.status')).toMatchObject({ ok: true, data: { connections: baseline + 1 } });
    expect(await desk.request({ op: 'servers' })).toMatchObject({ ok: true, data: [{ url: tls.url, fingerprint: tls.fingerprint }] });
  });

  it('tells the window when the server drops, reconnects by itself, and serves again', async () => {
    const desk = watchWindow(new FakeWindow(ipcMain));
    await connect(desk);
    const from = desk.statuses.length;
    await tls.close();
    await desk.status('reconnecting', from);
    // In flight while down: answered at once, not left hanging.
    expect(await desk.invoke('system.status')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    tls = await startTlsTerminator({ target: { host: '127.0.0.1', port: host.port }, certificate, port: tls.port });
    await desk.status('connected', from);
    expect(await desk.invoke('system.status')).toMatchObject({ ok: true });
  });

  it('refuses a server whose certificate changed, on reconnect and on a new connect, and says what to do', async () => {
    const desk = watchWindow(new FakeWindow(ipcMain));
    await connect(desk);
    const pinned = tls.fingerprint;
    const from = desk.statuses.length;
    await tls.close();
    tls = await startTlsTerminator({ target: { host: '127.0.0.1', port: host.port }, certificate: pki.issue('127.0.0.1'), port: tls.port });
    const refused = await desk.status('offline', from);
    const expected = `The server's certificate changed from ${pinned} to ${tls.fingerprint}`;
    expect(refused.problem).toContain(expected);
    expect(refused.problem).toContain(`remove the pin in ${join(dataDir, 'servers.json')}`);
    expect(refused.problem).toContain('otherwise someone may be intercepting the connection');
    // Connecting anew is refused the same way…
    expect(await desk.request({ op: 'probe', url: tls.url })).toMatchObject({ ok: true, data: { pin: 'changed', message: expect.stringContaining(expected) } });
    // …with the new fingerprint "confirmed", or with the pinned one (a remembered server's Connect).
    for (const fingerprint of [tls.fingerprint, pinned]) {
      expect(await desk.request({ op: 'use-server', url: tls.url, fingerprint })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(expected) } });
    }
    // Forgetting the server is how a replaced certificate is accepted: then it is new again.
    expect(await desk.request({ op: 'forget', url: tls.url })).toEqual({ ok: true, data: [] });
    await connect(desk);
  });

  it('lets go of this computer’s core (its routers, its jobs) when the desk moves to a server', async () => {
    const { startTestCore } = await import('../core/test-core');
    const core = await startTestCore({ host: 'electron' });
    let closes = 0;
    const backends = new ConsoleBackends({
      pins: new ServerPins(join(dataDir, 'servers.json')),
      startEmbedded: async () => ({ ...core, close: () => (closes++, core.close()) }),
      log: silentLogger,
    });
    try {
      expect(await backends.useThisComputer()).toEqual({ ok: true, data: { kind: 'this-computer' } });
      expect(closes).toBe(0);
      expect(await backends.useServer(tls.url, tls.fingerprint)).toMatchObject({ ok: true, data: { kind: 'server', url: tls.url } });
      expect(closes).toBe(1);
      expect(backends.embeddedStarted).toBe(false);
    } finally {
      if (closes === 0) await core.close();
      rmSync(core.dataDir, { recursive: true, force: true });
    }
  });

  it('pins only the certificate the person confirmed', async () => {
    const desk = watchWindow(new FakeWindow(ipcMain));
    const result = await desk.request({ op: 'use-server', url: tls.url, fingerprint: 'AB:'.repeat(31) + 'AB' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`now presents the certificate ${tls.fingerprint}`) } });
    expect(existsSync(join(dataDir, 'servers.json'))).toBe(false);
    expect(await desk.request({ op: 'current' })).toEqual({ ok: true, data: null });
  });

  it('refuses backend requests from a foreign frame and requests that are not exactly one', async () => {
    const desk = watchWindow(new FakeWindow(ipcMain));
    const handler = ipcMain.handlers.get(CONSOLE_BACKEND_CHANNEL)!;
    const foreign = { sender: new FakeWindow(ipcMain), senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await handler(foreign, { op: 'use-server', url: tls.url, fingerprint: tls.fingerprint })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of [{ op: 'run', command: 'rm' }, { op: 'probe', url: tls.url, extra: 1 }, 'probe', { op: 'probe', url: 'x'.repeat(301) }]) {
      expect(await desk.request(bad)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    // Protocol messages before any backend is chosen get a clear error, and nothing starts.
    desk.send({ type: 'invoke', id: 1, name: 'system.status', input: {} });
    expect(await desk.error()).toMatchObject({ error: { code: 'unavailable', message: expect.stringContaining('choose "This computer" or "A console server"') } });
    expect(shell.embeddedStarts).toBe(0);
  });
});

describe('the desktop app on this computer', () => {
  it('starts the embedded core only when chosen, once, and relays to it', async () => {
    const { startTestCore } = await import('../core/test-core');
    const dataDir = mkdtempSync(join(tmpdir(), 'noc-desk-'));
    const cores: Array<Awaited<ReturnType<typeof startTestCore>>> = [];
    const backends = new ConsoleBackends({
      pins: new ServerPins(join(dataDir, 'servers.json')),
      startEmbedded: async () => {
        const core = await startTestCore({ host: 'electron' });
        cores.push(core);
        return core;
      },
      log: silentLogger,
    });
    const detach = attachIpcBridge({ backends, isAppUrl: (url) => url.startsWith('app://noc/'), log: silentLogger });
    try {
      const desk = watchWindow(new FakeWindow(ipcMain));
      expect(await desk.request({ op: 'current' })).toEqual({ ok: true, data: null });
      expect(cores).toHaveLength(0);
      const from = desk.statuses.length;
      expect(await desk.request({ op: 'use-this-computer' })).toEqual({ ok: true, data: { kind: 'this-computer' } });
      await desk.status('connected', from);
      expect(await desk.invoke('system.status')).toMatchObject({ ok: true, data: { connections: 1 } });
      // Back to the question and this computer again: the same core, not a second one.
      expect(await desk.request({ op: 'leave' })).toEqual({ ok: true, data: null });
      expect(await desk.request({ op: 'use-this-computer' })).toMatchObject({ ok: true });
      expect(cores).toHaveLength(1);
      expect(backends.embeddedStarted).toBe(true);
    } finally {
      detach();
      for (const core of cores) await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
