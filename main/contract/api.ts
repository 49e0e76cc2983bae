import type { InvokeInput, InvokeName, InvokeOutput } from './index';
import type { Result } from './errors';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * What a channel subscriber receives: an event, or `resync` when events may have been missed
 * (a sequence gap, a reconnect) and the view should refetch its snapshot.
 */
export type ChannelMessage =
  | { kind: 'event'; name: string; payload: unknown; seq: number }
  | { kind: 'resync' };

/**
 * The API object the renderer uses, identical on both hosts: the preload exposes it on the
 * desktop, the WebSocket bridge builds it in a browser.
 */
export interface NocApi {
  invoke<N extends InvokeName>(name: N, input: InvokeInput<N>): Promise<Result<InvokeOutput<N>>>;
  subscribe(channel: string, listener: (message: ChannelMessage) => void): () => void;
  onConnectionState(listener: (state: ConnectionState) => void): () => void;
}
