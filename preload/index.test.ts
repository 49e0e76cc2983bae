import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { NocApi } from '../main/contract/api';
import { IPC_CHANNEL } from '../main/contract/ipc-channel';
import { DESKTOP_NOTICE_CHANNEL, DESKTOP_NOTICE_CLICK_CHANNEL, type DesktopNoticeApi } from '../main/electron/desktop-notice-contract';

const exposed: Record<string, unknown> = {};
const sent: unknown[] = [];
const notices: unknown[] = [];
const ipcRenderer = Object.assign(new EventEmitter(), {
  send: (channel: string, message: unknown) => {
    if (channel === DESKTOP_NOTICE_CHANNEL) return void notices.push(message);
    expect(channel).toBe(IPC_CHANNEL);
    sent.push(message);
  },
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer,
}));

await import('./index');

describe('preload', () => {
  it('exposes only the typed API under window.noc and the desktop notices under window.nocDesktop', () => {
    expect(Object.keys(exposed)).toEqual(['noc', 'nocDesktop']);
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
});
