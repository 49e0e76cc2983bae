import type { ChannelMessage, ConnectionState, NocApi } from './api';
import type { ContractError, Result } from './errors';
import type { ClientMessage, ServerMessage, SubscribeResult } from './protocol';

interface ChannelState {
  listeners: Set<(message: ChannelMessage) => void>;
  /** Last sequence number seen; null until the subscribe reply gives the baseline. */
  seq: number | null;
}

const UNAVAILABLE: ContractError = {
  code: 'unavailable',
  message: 'the connection to the console backend dropped before the reply; it reconnects by itself',
};

/**
 * The client half of the protocol, independent of the transport (Electron IPC or WebSocket):
 * request ids, pending invokes, reference-counted channel subscriptions, sequence-gap
 * detection, and resubscription after a reconnect.
 */
export class ProtocolClient {
  private nextId = 1;
  private state: ConnectionState = 'connecting';
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private readonly pendingSubscribes = new Map<number, string>();
  private readonly channels = new Map<string, ChannelState>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly outbox: ClientMessage[] = [];

  constructor(private readonly transmit: (message: ClientMessage) => void) {}

  readonly api: NocApi = {
    invoke: (name, input) =>
      new Promise((resolve) => {
        const id = this.nextId++;
        this.pending.set(id, resolve as (result: Result<unknown>) => void);
        this.send({ type: 'invoke', id, name, input });
      }),
    subscribe: (channel, listener) => {
      let state = this.channels.get(channel);
      if (!state) {
        this.channels.set(channel, (state = { listeners: new Set(), seq: null }));
        this.sendSubscribe(channel);
      }
      state.listeners.add(listener);
      return () => {
        const current = this.channels.get(channel);
        if (!current) return;
        current.listeners.delete(listener);
        if (current.listeners.size === 0) {
          this.channels.delete(channel);
          this.send({ type: 'unsubscribe', id: this.nextId++, channel });
        }
      };
    },
    onConnectionState: (listener) => {
      this.stateListeners.add(listener);
      listener(this.state);
      return () => this.stateListeners.delete(listener);
    },
  };

  /**
   * The transport is up: flush what waited, resubscribe, and tell views to resync. `preamble`
   * goes out first (e.g. re-attaching the session, so the resubscriptions are authorized);
   * its replies carry ids this client never issued (use 0) and are ignored.
   */
  transportUp(preamble: readonly ClientMessage[] = []): void {
    const reconnect = this.state !== 'connecting';
    this.setState('connected');
    for (const message of preamble) this.transmit(message);
    for (const message of this.outbox.splice(0)) this.transmit(message);
    if (!reconnect) return;
    for (const [channel, state] of this.channels) {
      state.seq = null;
      this.sendSubscribe(channel);
      for (const listener of state.listeners) listener({ kind: 'resync' });
    }
  }

  /** The transport dropped: in-flight invokes cannot be answered any more. */
  transportDown(state: 'reconnecting' | 'offline'): void {
    this.setState(state);
    for (const resolve of this.pending.values()) resolve({ ok: false, error: UNAVAILABLE });
    this.pending.clear();
    this.pendingSubscribes.clear();
    // Subscribes and unsubscribes are rebuilt from `channels` on reconnect; keep only invokes.
    const invokesWaiting = this.outbox.filter((m) => m.type === 'invoke');
    this.outbox.splice(0, this.outbox.length, ...invokesWaiting);
  }

  handle(message: ServerMessage): void {
    switch (message.type) {
      case 'hello':
        return;
      case 'result': {
        const channel = this.pendingSubscribes.get(message.id);
        if (channel !== undefined) {
          this.pendingSubscribes.delete(message.id);
          const state = this.channels.get(channel);
          if (state && message.ok) state.seq = (message.data as SubscribeResult).seq;
          else if (state && !message.ok) console.warn(`subscription to ${channel} refused: ${message.error.message}`);
          return;
        }
        const resolve = this.pending.get(message.id);
        if (!resolve) return;
        this.pending.delete(message.id);
        resolve(message.ok ? { ok: true, data: message.data } : { ok: false, error: message.error });
        return;
      }
      case 'event': {
        const state = this.channels.get(message.channel);
        if (!state || state.seq === null) return;
        if (message.seq <= state.seq) return;
        const gap = message.seq !== state.seq + 1;
        state.seq = message.seq;
        for (const listener of state.listeners) {
          if (gap) listener({ kind: 'resync' });
          listener({ kind: 'event', name: message.name, payload: message.payload, seq: message.seq });
        }
        return;
      }
      case 'error':
        console.warn(`console backend refused a message: ${message.error.message}`);
        return;
    }
  }

  private sendSubscribe(channel: string): void {
    const id = this.nextId++;
    this.pendingSubscribes.set(id, channel);
    this.send({ type: 'subscribe', id, channel });
  }

  private send(message: ClientMessage): void {
    if (this.state === 'connected') this.transmit(message);
    else this.outbox.push(message);
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}
