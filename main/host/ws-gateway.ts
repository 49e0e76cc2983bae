import type { Server } from 'node:http';
import type { Server as TlsServer } from 'node:https';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../contract/limits';
import type { Core } from '../core/app-core';
import type { Logger } from '../core/logger';
import { maskAddress, peerAddress } from '../connection/peer-address';
import type { AllowedHosts } from './allowed-hosts';
import { BoundedSender, type SendBufferLimits } from './bounded-sender';
import { CONNECTION_CAP_CLOSE_CODE, ConnectionCap, type ConnectionCapLimits } from './connection-cap';

/** Frames above this are cut by ws itself (close 1009); up to it we answer with an error. */
const HARD_FRAME_LIMIT = 4 * 1024 * 1024;
const PING_INTERVAL_MS = 15_000;

export interface GatewayOptions {
  /** The Host names and Origins this console answers (DNS-rebinding defence). */
  allowed: AllowedHosts;
  connectionCap: ConnectionCapLimits;
  sendBuffer: SendBufferLimits;
  log: Logger;
}

/**
 * One WebSocket per client at /ws, each bound to a core ClientConnection. Browsers must come
 * from an allowed origin and name an allowed host, so another web page cannot drive the console;
 * the number of clients and each one's send buffer are bounded.
 */
export function attachGateway(server: Server | TlsServer, core: Core, options: GatewayOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: HARD_FRAME_LIMIT });
  const cap = new ConnectionCap(options.connectionCap);

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== '/ws') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!options.allowed.hostAllowed(req.headers.host) || !options.allowed.originAllowed(req.headers.origin)) {
      options.log.warn('websocket refused: host name or origin not allowed (see --allow-host, --allow-origin)', {
        host: req.headers.host,
        origin: req.headers.origin,
      });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket, req: { socket: { remoteAddress?: string } }) => {
    const address = peerAddress(req.socket.remoteAddress);
    const refusal = cap.admit(address);
    if (refusal) {
      options.log.warn('websocket refused: connection cap reached', { address: maskAddress(address), reason: refusal });
      ws.close(CONNECTION_CAP_CLOSE_CODE, refusal);
      return;
    }
    ws.once('close', () => cap.release(address));
    serveClient(ws, address, core, options);
  });

  return wss;
}

function serveClient(ws: WebSocket, address: string, core: Core, options: GatewayOptions): void {
  let alive = true;
  ws.on('pong', () => (alive = true));
  const sender = new BoundedSender(ws, options.sendBuffer, options.log.child({ address: maskAddress(address) }), (channel) => connection.follows(channel));
  const connection = core.connect((message) => sender.send(message), { remoteAddress: address });
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
}
