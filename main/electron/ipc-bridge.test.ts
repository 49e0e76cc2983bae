import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '../contract/protocol';
import { FakeIpcMain } from './testing/electron-ipc-pair';

// The electron module cannot load here: a minimal ipcMain stands in (the one mock we allow).
const ipcMain = new FakeIpcMain();
vi.mock('electron', () => ({ ipcMain }));

const { attachIpcBridge } = await import('./ipc-bridge');
const { ConsoleBackends } = await import('./console-backends');
const { ServerPins } = await import('./server-pins');
const { startTestCore } = await import('../core/test-core');
const { invokes } = await import('../contract');
const { handlers } = await import('../core/handlers');
const { IPC_CHANNEL } = await import('../contract/ipc-channel');

const APP_URL = 'app://noc/index.html';

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly received: ServerMessage[] = [];
  private destroyed = false;
  readonly mainFrame = { url: APP_URL, parent: null };
  send(channel: string, message: ServerMessage) {
    // The backend's status goes on its own channel (console-backends.test.ts looks at it).
    if (channel === IPC_CHANNEL) this.received.push(message);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  /** What Electron emits when the page reloads (or navigates to another document). */
  reload() {
    this.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: APP_URL });
  }
  /** Sends a message as if from one of this window's frames and waits for the core to answer. */
  async post(message: unknown, frame: { url: string; parent: unknown } = this.mainFrame) {
    const before = this.received.length;
    const id = (message as { id?: unknown }).id;
    const isReply = (m: ServerMessage) => (m.type === 'result' && m.id === id) || (m.type === 'error' && id === undefined);
    ipcMain.emit(IPC_CHANNEL, { sender: this, senderFrame: frame }, message);
    return vi.waitFor(
      () => {
        const reply = this.received.slice(before).find(isReply);
        if (!reply) throw new Error('no reply yet');
        return reply;
      },
      { timeout: 2000, interval: 5 },
    );
  }
}

describe('Electron IPC bridge', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
  let detach: () => void;
  let pinsDir: string;

  beforeEach(async () => {
    core = await startTestCore({ host: 'electron' });
    pinsDir = mkdtempSync(join(tmpdir(), 'noc-pins-'));
    // "This computer" chosen, with the test's core as the embedded one.
    const backends = new ConsoleBackends({ pins: new ServerPins(join(pinsDir, 'servers.json')), startEmbedded: async () => core, log: core.services.log });
    expect(await backends.useThisComputer()).toMatchObject({ ok: true });
    detach = attachIpcBridge({ backends, isAppUrl: (url) => url === APP_URL || url.startsWith(`${APP_URL}#`), log: core.services.log });
  });

  afterEach(async () => {
    detach();
    await core.dispose();
    rmSync(pinsDir, { recursive: true, force: true });
  });

  it('routes every invoke of the contract to a handler', async () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(invokes).sort());
    const window = new FakeWebContents();
    let id = 1;
    for (const name of Object.keys(invokes)) {
      const reply = await window.post({ type: 'invoke', id: ++id, name, input: {} });
      expect(reply).toMatchObject({ type: 'result', id });
      if (reply.type === 'result' && !reply.ok) {
        expect(['unknown_invoke', 'internal', 'malformed_message']).not.toContain(reply.error.code);
      }
    }
  });

  it('refuses messages from a foreign URL or a subframe and creates no connection', async () => {
    const window = new FakeWebContents();
    const message = { type: 'invoke', id: 1, name: 'system.status', input: {} };
    ipcMain.emit(IPC_CHANNEL, { sender: window, senderFrame: { url: 'https://evil.example/', parent: null } }, message);
    ipcMain.emit(IPC_CHANNEL, { sender: window, senderFrame: { url: APP_URL, parent: window.mainFrame } }, message);
    ipcMain.emit(IPC_CHANNEL, { sender: window, senderFrame: null }, message);
    // A trusted window's round trip proves the refused ones were processed first and dropped.
    const trusted = new FakeWebContents();
    const reply = await trusted.post(message);
    expect(reply).toMatchObject({ type: 'result', ok: true, data: { connections: 1 } });
    expect(window.received).toEqual([]);
  });

  it('delivers channel events only to the windows that subscribed', async () => {
    const subscribed = new FakeWebContents();
    const other = new FakeWebContents();
    await subscribed.post({ type: 'subscribe', id: 1, channel: 'app.status' });
    await other.post({ type: 'invoke', id: 1, name: 'system.status', input: {} });
    const otherCount = other.received.length;
    const subscribedCount = subscribed.received.length;

    core.services.bus.publish('SystemStatusChanged', core.services.status.current());

    const event = subscribed.received.slice(subscribedCount).find((m) => m.type === 'event');
    expect(event).toMatchObject({ type: 'event', channel: 'app.status', name: 'SystemStatusChanged' });
    expect(other.received.slice(otherCount).filter((m) => m.type === 'event')).toEqual([]);
  });

  it('answers malformed and oversized messages with an error and keeps serving', async () => {
    const window = new FakeWebContents();
    expect(await window.post({ type: 'nonsense' })).toMatchObject({ type: 'error', error: { code: 'malformed_message' } });
    const big = { type: 'invoke', name: 'system.status', input: { blob: 'x'.repeat(300_000) } };
    expect(await window.post(big)).toMatchObject({ type: 'error', error: { code: 'payload_too_large' } });
    expect(await window.post({ type: 'invoke', id: 6, name: 'system.status', input: {} })).toMatchObject({ ok: true });
  });

  it('gives a reloaded window a fresh connection without adding a navigation listener', async () => {
    const window = new FakeWebContents();
    for (let reload = 1; reload <= 12; reload++) {
      const reply = await window.post({ type: 'subscribe', id: reload, channel: 'app.status' });
      expect(reply).toMatchObject({ ok: true });
      window.reload();
    }
    // Every reload closed the page's connection: none is left, and the old subscriptions are gone.
    const watcher = new FakeWebContents();
    expect(await watcher.post({ type: 'invoke', id: 1, name: 'system.status', input: {} })).toMatchObject({ data: { connections: 1 } });
    const before = window.received.length;
    core.services.bus.publish('SystemStatusChanged', core.services.status.current());
    expect(window.received.slice(before)).toEqual([]);
    // Twelve reloads, still one listener of each kind (Node warns past ten, which the old bridge hit).
    expect(window.listenerCount('did-start-navigation')).toBe(1);
    expect(window.listenerCount('destroyed')).toBe(1);
    window.destroy();
    expect(window.listenerCount('did-start-navigation')).toBe(0);
  });

  it('keeps the connection through an in-page navigation (a #/view change)', async () => {
    const window = new FakeWebContents();
    await window.post({ type: 'subscribe', id: 1, channel: 'app.status' });
    window.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true, url: `${APP_URL}#/jobs` });
    const before = window.received.length;
    core.services.bus.publish('SystemStatusChanged', core.services.status.current());
    expect(window.received.slice(before)).toMatchObject([{ type: 'event', channel: 'app.status' }]);
  });

  it('closes a window connection when its contents are destroyed', async () => {
    const window = new FakeWebContents();
    const watcher = new FakeWebContents();
    await window.post({ type: 'invoke', id: 1, name: 'system.status', input: {} });
    expect(await watcher.post({ type: 'invoke', id: 1, name: 'system.status', input: {} })).toMatchObject({
      data: { connections: 2 },
    });
    window.destroy();
    expect(await watcher.post({ type: 'invoke', id: 2, name: 'system.status', input: {} })).toMatchObject({
      data: { connections: 1 },
    });
  });
});
