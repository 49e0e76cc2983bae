import type { NocApi } from '../../../main/contract/api';
import { ProtocolClient } from '../../../main/contract/protocol-client';
import type { ServerMessage } from '../../../main/contract/protocol';
import { resumePreamble } from '../../../main/contract/session-token';

const MIN_DELAY_MS = 250;
const MAX_DELAY_MS = 3_000;
/** After this long without a connection the indicator says offline (it keeps trying). */
const OFFLINE_AFTER_MS = 30_000;

/**
 * The browser-side bridge: the same NocApi the preload exposes on the desktop, over one
 * WebSocket to the headless host, reconnecting with capped exponential backoff and jitter.
 */
export function createWebSocketApi(url: string): NocApi {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let downSince: number | null = null;
  const client = new ProtocolClient((message) => socket?.send(JSON.stringify(message)));

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      downSince = null;
      // A new socket is a new, signed-out connection: re-attach the session before resubscribing.
      client.transportUp(resumePreamble());
    };
    ws.onmessage = (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      client.handle(message);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      downSince ??= Date.now();
      client.transportDown(Date.now() - downSince > OFFLINE_AFTER_MS || !navigator.onLine ? 'offline' : 'reconnecting');
      const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** attempt++) * (0.75 + Math.random() * 0.5);
      setTimeout(connect, delay);
    };
  };
  connect();
  return client.api;
}

export function defaultSocketUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
