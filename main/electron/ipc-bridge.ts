import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNEL } from '../contract/ipc-channel';
import { MAX_MESSAGE_BYTES } from '../contract/limits';
import type { ContractError, Result } from '../contract/errors';
import type { Logger } from '../core/logger';
import { CONSOLE_BACKEND_CHANNEL, CONSOLE_BACKEND_STATE_CHANNEL } from './console-backend-contract';
import { consoleBackendRequestSchema, type ConsoleBackends } from './console-backends';
import type { BackendConnection } from './server-relay';
import { DESKTOP_NOTICE_CHANNEL } from './desktop-notice-contract';
import { desktopNoticeSchema, type DesktopNotices } from './desktop-notices';

export interface IpcBridgeOptions {
  /** Which backend windows talk to (the sign-in screen chooses; nothing runs before that). */
  backends: ConsoleBackends;
  /** True only for URLs of our own renderer (the built index.html). */
  isAppUrl: (url: string) => boolean;
  log: Logger;
}

const NO_BACKEND: ContractError = {
  code: 'unavailable',
  message: 'no backend chosen yet: choose "This computer" or "A console server" on the sign-in screen first',
};

/** Whether a message comes from the app's own top frame; anything else (a subframe, a foreign URL) is logged and dropped. */
function fromApp(event: { senderFrame: IpcMainEvent['senderFrame'] }, isAppUrl: (url: string) => boolean, log: Logger): boolean {
  const frame = event.senderFrame;
  if (frame && frame.parent === null && isAppUrl(frame.url)) return true;
  log.warn('ipc message refused: sender frame is not the app', { url: frame?.url ?? null });
  return false;
}

/**
 * Relays protocol messages between trusted windows and the chosen backend (the embedded core or
 * a console server, console-backends.ts): one connection per web contents, made when the page
 * asks for it (its preload's `current`, or a choice) and closed when it navigates or is
 * destroyed; its status goes to the page on its own channel. Also answers the page's backend
 * requests (console-backend-contract.ts). Messages from a frame we did not load (a subframe, a
 * foreign URL) are refused and logged.
 */
export function attachIpcBridge({ backends, isAppUrl, log }: IpcBridgeOptions): () => void {
  const connections = new Map<number, BackendConnection>();
  // Listeners go on a web contents once, when it is first seen: a reload makes a new connection
  // but must not stack another navigation listener on the same contents.
  const unwatch = new Map<WebContents, () => void>();

  const drop = (contents: WebContents) => {
    connections.get(contents.id)?.close();
    connections.delete(contents.id);
  };

  const watch = (contents: WebContents) => {
    if (unwatch.has(contents)) return;
    const onNavigation = (details: { isMainFrame: boolean; isSameDocument: boolean }) => {
      if (details.isMainFrame && !details.isSameDocument) drop(contents);
    };
    const onDestroyed = () => {
      drop(contents);
      unwatch.get(contents)?.();
    };
    contents.on('did-start-navigation', onNavigation);
    contents.once('destroyed', onDestroyed);
    unwatch.set(contents, () => {
      contents.off('did-start-navigation', onNavigation);
      contents.off('destroyed', onDestroyed);
      unwatch.delete(contents);
    });
  };

  const connectionFor = (contents: WebContents): BackendConnection | null => {
    const existing = connections.get(contents.id);
    if (existing) return existing;
    watch(contents);
    const connection = backends.connect({
      send: (message) => {
        if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, message);
      },
      status: (status) => {
        if (!contents.isDestroyed()) contents.send(CONSOLE_BACKEND_STATE_CHANNEL, status);
      },
    });
    if (connection) connections.set(contents.id, connection);
    return connection;
  };

  const onMessage = (event: IpcMainEvent, message: unknown) => {
    if (!fromApp(event, isAppUrl, log)) return;
    const connection = connectionFor(event.sender);
    if (!connection) return void event.sender.send(IPC_CHANNEL, { type: 'error', error: NO_BACKEND });
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(message) ?? '');
    } catch {
      connection.refuse({ code: 'malformed_message', message: 'message cannot be serialized as JSON' });
      return;
    }
    if (size > MAX_MESSAGE_BYTES) {
      connection.refuse({ code: 'payload_too_large', message: `message of ${size} bytes refused: the limit is ${MAX_MESSAGE_BYTES} bytes` });
      return;
    }
    connection.receive(message).catch((error: unknown) => log.error('ipc message failed', { error: String(error) }));
  };

  /** A new choice gives the asking window a connection to it (its old one, if any, closes). */
  const reconnect = <T>(contents: WebContents, result: Result<T>): Result<T> => {
    if (result.ok) {
      drop(contents);
      connectionFor(contents);
    }
    return result;
  };

  const onBackendRequest = async (event: IpcMainInvokeEvent, raw: unknown): Promise<Result<unknown>> => {
    if (!fromApp(event, isAppUrl, log)) return { ok: false, error: { code: 'forbidden', message: 'only the app’s own page may choose its backend' } };
    const parsed = consoleBackendRequestSchema.safeParse(raw);
    if (!parsed.success) {
      log.warn('backend request refused: not a request', { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      return { ok: false, error: { code: 'invalid_input', message: 'not a backend request (see console-backend-contract.ts)' } };
    }
    const request = parsed.data;
    switch (request.op) {
      case 'current':
        connectionFor(event.sender);
        return { ok: true, data: backends.current() };
      case 'servers':
        return backends.servers();
      case 'probe':
        return backends.probe(request.url);
      case 'use-server':
        return reconnect(event.sender, await backends.useServer(request.url, request.fingerprint));
      case 'use-this-computer':
        return reconnect(event.sender, await backends.useThisComputer());
      case 'leave':
        backends.leave();
        drop(event.sender);
        return { ok: true, data: null };
      case 'forget':
        return backends.forget(request.url);
    }
  };

  ipcMain.on(IPC_CHANNEL, onMessage);
  ipcMain.handle(CONSOLE_BACKEND_CHANNEL, onBackendRequest);
  return () => {
    ipcMain.removeListener(IPC_CHANNEL, onMessage);
    ipcMain.removeHandler(CONSOLE_BACKEND_CHANNEL);
    for (const stop of [...unwatch.values()]) stop();
    for (const connection of connections.values()) connection.close();
    connections.clear();
  };
}

export interface DesktopNoticeRelayOptions {
  notices: DesktopNotices;
  isAppUrl: (url: string) => boolean;
  log: Logger;
}

/**
 * The one other channel: a window of the app asks for an OS notification (desktop-notice-contract.ts).
 * Same sender check as the protocol; a request that is not exactly a notice is dropped and logged.
 */
export function attachDesktopNoticeRelay({ notices, isAppUrl, log }: DesktopNoticeRelayOptions): () => void {
  const onNotice = (event: IpcMainEvent, notice: unknown) => {
    if (!fromApp(event, isAppUrl, log)) return;
    const parsed = desktopNoticeSchema.safeParse(notice);
    if (!parsed.success) {
      log.warn('desktop notice refused: not a notice', { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      return;
    }
    if (!notices.show(event.sender, parsed.data)) log.info('desktop notice not shown: this system offers no notifications');
  };
  ipcMain.on(DESKTOP_NOTICE_CHANNEL, onNotice);
  return () => ipcMain.removeListener(DESKTOP_NOTICE_CHANNEL, onNotice);
}
