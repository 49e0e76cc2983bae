import { once } from 'node:events';
import WebSocket from 'ws';

export interface RpcReply {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string; details?: { retryAfterMs?: number } };
}

export interface WsRpc {
  invoke(name: string, input: unknown): Promise<RpcReply>;
  subscribe(channel: string): Promise<RpcReply>;
  /** Called for every event message; keeps nothing, so long runs stay small. Returns the removal. */
  onEvent(listener: (channel: string, name: string, payload: unknown) => void): () => void;
  close(): void;
}

/**
 * A lean protocol client for benchmarks: requests by id, events to a callback, no history.
 * `localAddress` (another loopback address, 127.0.0.2…) makes it a client from another address.
 */
export async function connectRpc(url: string, options: { localAddress?: string } = {}): Promise<WsRpc> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + '/ws', { maxPayload: 64 * 2 ** 20, ...options });
  const pending = new Map<number, (reply: RpcReply) => void>();
  const listeners = new Set<(channel: string, name: string, payload: unknown) => void>();
  let nextId = 1;
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as { type: string; id?: number; channel?: string; name?: string; payload?: unknown } & RpcReply;
    if (m.type === 'result') {
      pending.get(m.id!)?.(m);
      pending.delete(m.id!);
    } else if (m.type === 'event') for (const l of listeners) l(m.channel!, m.name!, m.payload);
  });
  await once(ws, 'open');
  const request = (message: Record<string, unknown>) =>
    new Promise<RpcReply>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      ws.send(JSON.stringify({ ...message, id }));
    });
  return {
    invoke: (name, input) => request({ type: 'invoke', name, input }),
    subscribe: (channel) => request({ type: 'subscribe', channel }),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => ws.close(),
  };
}

export async function mustSucceed(what: string, reply: Promise<RpcReply>): Promise<unknown> {
  const r = await reply;
  if (!r.ok) throw new Error(`${what} failed: ${r.error?.message}`);
  return r.data;
}
