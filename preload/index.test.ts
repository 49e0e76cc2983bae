import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { NocApi } from '../main/contract/api';
import { IPC_CHANNEL } from '../main/contract/ipc-channel';

const exposed: Record<string, unknown> = {};
const sent: unknown[] = [];
const ipcRenderer = Object.assign(new EventEmitter(), {
  send: (channel: string, message: unknown) => {
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
  it('exposes only the typed API under window.noc', () => {
    expect(Object.keys(exposed)).toEqual(['noc']);
    expect(Object.keys(exposed.noc as object).sort()).toEqual(['invoke', 'onConnectionState', 'subscribe']);
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
