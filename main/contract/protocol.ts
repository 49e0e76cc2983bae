import { z } from 'zod';
import type { ContractError } from './errors';

/**
 * The wire protocol between a client (preload or browser bridge) and a host. The same
 * messages travel over Electron IPC (structured clone) and over a WebSocket (JSON text).
 * docs/protocol.md documents it for other clients.
 */
const requestId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const channelName = z.string().min(1).max(200);

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoke'), id: requestId, name: z.string().min(1).max(100), input: z.unknown() }),
  z.object({ type: z.literal('subscribe'), id: requestId, channel: channelName }),
  z.object({ type: z.literal('unsubscribe'), id: requestId, channel: channelName }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

export interface HelloMessage {
  type: 'hello';
  protocol: number;
  version: string;
}

export type ResultMessage =
  | { type: 'result'; id: number; ok: true; data: unknown }
  | { type: 'result'; id: number; ok: false; error: ContractError };

export interface EventMessage {
  type: 'event';
  channel: string;
  /** Per-channel sequence number: a client that sees a jump has missed events. */
  seq: number;
  name: string;
  payload: unknown;
}

/** A message the host could not tie to a request id (unparseable, oversized, no id). */
export interface ErrorMessage {
  type: 'error';
  error: ContractError;
}

export type ServerMessage = HelloMessage | ResultMessage | EventMessage | ErrorMessage;

/** Reply to a subscribe: the channel's current sequence number, the baseline for gaps. */
export interface SubscribeResult {
  channel: string;
  seq: number;
}
