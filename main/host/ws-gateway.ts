import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../contract/limits';
import type { Core } from '../core/app-core';
import type { Logger } from '../core/logger';

/** Frames above this are cut by ws itself (close 1009); up to it we answer with an error. */
const HARD_FRAME_LIMIT = 4 * 1024 * 1024;
const PING_INTERVAL_MS = 15_000;

export interface GatewayOptions {
  /** Origins allowed besides the host's own (e.g. a wall display served elsewhere). */
  allowedOrigins: readonly string[];
  log: Logger;
}

/**
 * One WebSocket per client at /ws, each bound to a core ClientConnection. Browsers must come
 * from our own origin (or an allowed one) so another web page cannot drive the console.
 */
export function attachGateway(server: Server, core: Core, options: GatewayOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!originAllowed(req, options.allowedOrigins)) {
      options.log.warn('websocket refused: foreign origin', { origin: req.headers.origin });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    let alive = true;
    ws.on('pong', () => (alive = true));
    const connection = core.connect((message) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    });
    ws.on('message', (data, isBinary) => {
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
      if (size > MAX_MESSAGE_BYTES) {
        connection.refuse({
          code: 'payload_too_large',
          message: `message of ${size} bytes refused: the limit is ${MAX_MESSAGE_BYTES} bytes`,
        });
        return;
      }
      if (isBinary) {
        connection.refuse({ code: 'malformed_message', message: 'binary frames are not part of the protocol; send JSON text' });
        return;
      }
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        connection.refuse({ code: 'malformed_message', message: 'message is not valid JSON' });
        return;
      }
      connection.receive(message).catch((error: unknown) => {
        options.log.error('websocket message failed', { error: String(error) });
      });
    });
    ws.on('error', (error) => options.log.warn('websocket error', { error: error.message }));
    ws.on('close', () => connection.close());
    const ping = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, PING_INTERVAL_MS);
    ws.on('close', () => clearInterval(ping));
  });

  return wss;
}

function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  // Non-browser clients (scripts, wall displays) send no Origin; browsers always do.
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
