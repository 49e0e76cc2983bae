import { contextBridge, ipcRenderer } from 'electron';
import type { NocApi } from '../main/contract/api';
import { ProtocolClient } from '../main/contract/protocol-client';
import type { ServerMessage } from '../main/contract/protocol';
import { IPC_CHANNEL } from '../main/contract/ipc-channel';
import { DESKTOP_NOTICE_CHANNEL, DESKTOP_NOTICE_CLICK_CHANNEL, type DesktopNoticeApi } from '../main/electron/desktop-notice-contract';

/**
 * The preload exposes the typed API and the desktop notices, nothing else: no ipcRenderer, no
 * channel names, no Node. Protocol messages go over a single IPC channel, notices over their own;
 * the main process validates the sender and every message.
 */
const client = new ProtocolClient((message) => ipcRenderer.send(IPC_CHANNEL, message));
ipcRenderer.on(IPC_CHANNEL, (_event, message: ServerMessage) => client.handle(message));
client.transportUp();

const api: NocApi = {
  invoke: (name, input) => client.api.invoke(name, input),
  subscribe: (channel, listener) => client.api.subscribe(channel, listener),
  onConnectionState: (listener) => client.api.onConnectionState(listener),
};

contextBridge.exposeInMainWorld('noc', api);

// OS notifications through Electron's main process (desktop-notice-contract.ts): one send, one click event.
const desktop: DesktopNoticeApi = {
  show: (notice) => ipcRenderer.send(DESKTOP_NOTICE_CHANNEL, { title: notice.title, body: notice.body, tag: notice.tag }),
  onClick: (listener) => {
    const onClick = (_event: unknown, tag: unknown) => {
      if (typeof tag === 'string') listener(tag);
    };
    ipcRenderer.on(DESKTOP_NOTICE_CLICK_CHANNEL, onClick);
    return () => void ipcRenderer.removeListener(DESKTOP_NOTICE_CLICK_CHANNEL, onClick);
  },
};
contextBridge.exposeInMainWorld('nocDesktop', desktop);
