import { contextBridge, ipcRenderer } from 'electron';
import type { NocApi } from '../main/contract/api';
import { ProtocolClient } from '../main/contract/protocol-client';
import type { ServerMessage } from '../main/contract/protocol';
import { IPC_CHANNEL } from '../main/contract/ipc-channel';

/**
 * The preload exposes the typed API and nothing else: no ipcRenderer, no channel names, no Node.
 * Messages go over a single IPC channel; the main process validates the sender and every message.
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
