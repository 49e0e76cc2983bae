import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_CHANNEL } from '../contract/ipc-channel';
import { MAX_MESSAGE_BYTES } from '../contract/limits';
import type { Core } from '../core/app-core';
import type { ClientConnection } from '../connection/client-connection';
import type { Logger } from '../core/logger';
import { DESKTOP_NOTICE_CHANNEL } from './desktop-notice-contract';
import { desktopNoticeSchema, type DesktopNotices } from './desktop-notices';

export interface IpcBridgeOptions {
  core: Core;
  /** True only for URLs of our own renderer (the built index.html). */
  isAppUrl: (url: string) => boolean;
}

/** Whether a message comes from the app's own top frame; anything else (a subframe, a foreign URL) is logged and dropped. */
function fromApp(event: IpcMainEvent, isAppUrl: (url: string) => boolean, log: Logger): boolean {
  const frame = event.senderFrame;
  if (frame && frame.parent === null && isAppUrl(frame.url)) return true;
  log.warn('ipc message refused: sender frame is not the app', { url: frame?.url ?? null });
  return false;
}

/**
 * Relays protocol messages between trusted windows and the core: one ClientConnection per
 * web contents, created on its first message and closed when it navigates or is destroyed.
 * Messages from a frame we did not load (a subframe, a foreign URL) are refused and logged.
 */
export function attachIpcBridge({ core, isAppUrl }: IpcBridgeOptions): () => void {
  const connections = new Map<number, ClientConnection>();
  // Listeners go on a web contents once, when it is first seen: a reload makes a new connection
  // but must not stack another navigation listener on the same contents.
  const unwatch = new Map<WebContents, () => void>();
  const log = core.services.log;

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

  const connectionFor = (contents: WebContents): ClientConnection => {
    let connection = connections.get(contents.id);
    if (connection) return connection;
    watch(contents);
    connection = core.connect((message) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, message);
    });
    connections.set(contents.id, connection);
    return connection;
  };

  const onMessage = (event: IpcMainEvent, message: unknown) => {
    if (!fromApp(event, isAppUrl, log)) return;
    const connection = connectionFor(event.sender);
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

  ipcMain.on(IPC_CHANNEL, onMessage);
  return () => {
    ipcMain.removeListener(IPC_CHANNEL, onMessage);
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
