import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { NocApi } from '../main/contract/api';
import { IPC_CHANNEL } from '../main/contract/ipc-channel';
import { DESKTOP_NOTICE_CHANNEL, DESKTOP_NOTICE_CLICK_CHANNEL, type DesktopNoticeApi } from '../main/electron/desktop-notice-contract';
import { CONSOLE_BACKEND_CHANNEL, CONSOLE_BACKEND_STATE_CHANNEL, type BackendStatus, type ConsoleBackendApi } from '../main/electron/console-backend-contract';
import type { ConnectionState } from '../main/contract/api';
import { SESSION_TOKEN_KEY } from '../main/contract/session-token';

const exposed: Record<string, unknown> = {};
const sent: unknown[] = [];
const notices: unknown[] = [];
const requests: unknown[] = [];
const ipcRenderer = Object.assign(new EventEmitter(), {
  send: (channel: string, message: unknown) => {
    if (channel === DESKTOP_NOTICE_CHANNEL) return void notices.push(message);
    expect(channel).toBe(IPC_CHANNEL);
    sent.push(message);
  },
  invoke: async (channel: string, request: unknown) => {
    expect(channel).toBe(CONSOLE_BACKEND_CHANNEL);
    requests.push(request);
    return { ok: true, data: null };
  },
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer,
}));

await import('./index');
// The main process says the chosen backend is up; until then invokes wait in the preload.
const connected: BackendStatus = { state: 'connected', problem: null };
ipcRenderer.emit(CONSOLE_BACKEND_STATE_CHANNEL, {}, connected);

describe('preload', () => {
  it('exposes only the typed API under window.noc and the desktop notices under window.nocDesktop', () => {
    expect(Object.keys(exposed)).toEqual(['noc', 'nocDesktop', 'nocConsole']);
    expect(Object.keys(exposed.nocConsole as object).sort()).toEqual(['current', 'forget', 'leave', 'onStatus', 'probe', 'servers', 'useServer', 'useThisComputer']);
    expect(Object.keys(exposed.noc as object).sort()).toEqual(['invoke', 'onConnectionState', 'subscribe']);
    expect(Object.keys(exposed.nocDesktop as object).sort()).toEqual(['onClick', 'show']);
  });

  it('sends a notice with exactly its three fields, and reports clicks until unsubscribed', () => {
    const desktop = exposed.nocDesktop as DesktopNoticeApi;
    desktop.show({ title: 'Router down', body: 'hq-1 offline', tag: 'router-7', icon: '/etc/passwd' } as never);
    expect(notices).toEqual([{ title: 'Router down', body: 'hq-1 offline', tag: 'router-7' }]);
    const clicked: string[] = [];
    const off = desktop.onClick((tag) => clicked.push(tag));
    ipcRenderer.emit(DESKTOP_NOTICE_CLICK_CHANNEL, {}, 'router-7');
    ipcRenderer.emit(DESKTOP_NOTICE_CLICK_CHANNEL, {}, { not: 'a tag' });
    off();
    ipcRenderer.emit(DESKTOP_NOTICE_CLICK_CHANNEL, {}, 'router-8');
    expect(clicked).toEqual(['router-7']);
  });

  it('sends invokes over the one IPC channel and resolves them from the reply', async () => {
    const api = exposed.noc as NocApi;
    const pending = api.invoke('system.status', {});
    const request = sent.at(-1) as { id: number; name: string };
    expect(request).toMatchObject({ type: 'invoke', name: 'system.status', input: {} });
    ipcRenderer.emit(IPC_CHANNEL, {}, { type: 'result', id: request.id, ok: true, data: { version: 'x' } });
    await expect(pending).resolves.toEqual({ ok: true, data: { version: 'x' } });
  });

  it('delivers events of subscribed channels and stops after unsubscribe', () => {
    const api = exposed.noc as NocApi;
    const seen: unknown[] = [];
    const unsubscribe = api.subscribe('app.status', (message) => seen.push(message));
    const subscribe = sent.at(-1) as { id: number };
    ipcRenderer.emit(IPC_CHANNEL, {}, { type: 'result', id: subscribe.id, ok: true, data: { channel: 'app.status', seq: 4 } });
    ipcRenderer.emit(IPC_CHANNEL, {}, { type: 'event', channel: 'app.status', seq: 5, name: 'SystemStatusChanged', payload: 1 });
    unsubscribe();
    expect(sent.at(-1)).toMatchObject({ type: 'unsubscribe', channel: 'app.status' });
    ipcRenderer.emit(IPC_CHANNEL, {}, { type: 'event', channel: 'app.status', seq: 6, name: 'SystemStatusChanged', payload: 2 });
    expect(seen).toEqual([{ kind: 'event', name: 'SystemStatusChanged', payload: 1, seq: 5 }]);
  });

  it('asks for its connection at load and sends each backend request as exactly its typed fields', async () => {
    expect(requests[0]).toEqual({ op: 'current' });
    const backend = exposed.nocConsole as ConsoleBackendApi;
    await backend.probe('https://noc.example.net:5780');
    await backend.useServer('https://noc.example.net:5780', 'AB:CD');
    await backend.forget({ toString: () => 'https://noc.example.net:5780' } as never);
    expect(requests.slice(1)).toEqual([
      { op: 'probe', url: 'https://noc.example.net:5780' },
      { op: 'use-server', url: 'https://noc.example.net:5780', fingerprint: 'AB:CD' },
      { op: 'forget', url: 'https://noc.example.net:5780' },
    ]);
  });

  it('follows the backend status: a drop fails what is in flight, a reconnect resubscribes, a refusal says why', async () => {
    const api = exposed.noc as NocApi;
    const backend = exposed.nocConsole as ConsoleBackendApi;
    const states: ConnectionState[] = [];
    const statuses: BackendStatus[] = [];
    api.onConnectionState((state) => states.push(state));
    backend.onStatus((status) => statuses.push(status));
    const seen: string[] = [];
    api.subscribe('tenant.1.routers', (message) => seen.push(message.kind));
    const pending = api.invoke('system.status', {});
    ipcRenderer.emit(CONSOLE_BACKEND_STATE_CHANNEL, {}, { state: 'reconnecting', problem: null });
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // The page's kept session (a window's sessionStorage; Node has none, so a plain one stands in).
    const kept = new Map([[SESSION_TOKEN_KEY, 'token-of-this-tab']]);
    vi.stubGlobal('sessionStorage', { getItem: (key: string) => kept.get(key) ?? null });
    const before = sent.length;
    ipcRenderer.emit(CONSOLE_BACKEND_STATE_CHANNEL, {}, connected);
    vi.unstubAllGlobals();
    // A reconnect to a server is a new, signed-out connection there: the session goes first, then the resubscriptions.
    expect(sent.slice(before)).toMatchObject([
      { type: 'invoke', id: 0, name: 'auth.resume', input: { token: 'token-of-this-tab' } },
      { type: 'subscribe', channel: 'tenant.1.routers' },
    ]);
    expect(seen).toEqual(['resync']);
    const refused = { state: 'offline', problem: 'The server’s certificate changed from AA to BB' };
    ipcRenderer.emit(CONSOLE_BACKEND_STATE_CHANNEL, {}, refused);
    expect(states).toEqual(['connected', 'reconnecting', 'connected', 'offline']);
    expect(statuses.at(-1)).toEqual(refused);
  });
});
