import { contextBridge, ipcRenderer } from 'electron';
import type { NocApi } from '../main/contract/api';
import type { Result } from '../main/contract/errors';
import { ProtocolClient } from '../main/contract/protocol-client';
import type { ServerMessage } from '../main/contract/protocol';
import { IPC_CHANNEL } from '../main/contract/ipc-channel';
import { resumePreamble } from '../main/contract/session-token';
import { DESKTOP_NOTICE_CHANNEL, DESKTOP_NOTICE_CLICK_CHANNEL, type DesktopNoticeApi } from '../main/electron/desktop-notice-contract';
import {
  CONSOLE_BACKEND_CHANNEL,
  CONSOLE_BACKEND_STATE_CHANNEL,
  type BackendChoice,
  type BackendStatus,
  type ConsoleBackendApi,
  type ConsoleBackendRequest,
} from '../main/electron/console-backend-contract';

/**
 * The preload exposes the typed API, the desktop notices and the backend choice, nothing else:
 * no ipcRenderer, no channel names, no Node. Protocol messages go over a single IPC channel,
 * the rest over their own; the main process validates the sender and every message.
 */
const client = new ProtocolClient((message) => ipcRenderer.send(IPC_CHANNEL, message));
ipcRenderer.on(IPC_CHANNEL, (_event, message: ServerMessage) => client.handle(message));

// The main process holds the connection (embedded core or console server) and says when it is
// up; until then invokes wait. A reconnect to a server is a new, signed-out connection there, so
// the kept session goes first, before the resubscriptions.
let status: BackendStatus = { state: 'connecting', problem: null };
const statusListeners = new Set<(status: BackendStatus) => void>();
ipcRenderer.on(CONSOLE_BACKEND_STATE_CHANNEL, (_event, next: BackendStatus) => {
  status = { state: next.state, problem: next.problem };
  if (status.state === 'connected') client.transportUp(resumePreamble());
  else if (status.state === 'reconnecting' || status.state === 'offline') client.transportDown(status.state);
  for (const listener of statusListeners) listener(status);
});

const request = <T>(message: ConsoleBackendRequest) => ipcRenderer.invoke(CONSOLE_BACKEND_CHANNEL, message) as Promise<Result<T>>;
const data = async <T>(message: ConsoleBackendRequest): Promise<T> => {
  const result = await request<T>(message);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
};

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

// Where this desk's console runs (console-backend-contract.ts): each call is one typed request.
const backend: ConsoleBackendApi = {
  current: () => data<BackendChoice | null>({ op: 'current' }),
  servers: () => request({ op: 'servers' }),
  probe: (url) => request({ op: 'probe', url: String(url) }),
  useServer: (url, fingerprint) => request({ op: 'use-server', url: String(url), fingerprint: String(fingerprint) }),
  useThisComputer: () => request({ op: 'use-this-computer' }),
  leave: () => data<null>({ op: 'leave' }).then(() => undefined),
  forget: (url) => request({ op: 'forget', url: String(url) }),
  onStatus: (listener) => {
    statusListeners.add(listener);
    listener(status);
    return () => void statusListeners.delete(listener);
  },
};
contextBridge.exposeInMainWorld('nocConsole', backend);
// Asks for this window's connection at once: a reload or a second window joins the backend already chosen.
backend.current().catch((error: unknown) => console.warn(`backend not reached: ${String(error)}`));
