import type { WebSocket } from 'ws';
import type { EventMessage, ServerMessage } from '../contract/protocol';
import type { Logger } from '../core/logger';
import { serializeMessage } from '../connection/shared-event-message';

export interface SendBufferLimits {
  /** Bytes waiting for a slow client above which its event batches are dropped. @defaultValue 1 MiB */
  dropEventsAboveBytes: number;
  /** Bytes waiting above which the client is disconnected: it is not reading at all. @defaultValue 16 MiB */
  closeAboveBytes: number;
}

export const DEFAULT_SEND_BUFFER_LIMITS: SendBufferLimits = { dropEventsAboveBytes: 1024 * 1024, closeAboveBytes: 16 * 1024 * 1024 };

/** Close code for a client that stopped reading: 1008 (policy), with the reason in words. */
export const SLOW_CLIENT_CLOSE_CODE = 1008;

/**
 * Sends protocol messages to one WebSocket without letting a slow reader grow the host's
 * memory. Above `dropEventsAboveBytes` waiting (ws `bufferedAmount`), event messages are dropped;
 * results and errors never are (a client waits for those). Once the buffer drains, the newest
 * dropped event of each channel is sent: its `seq` jumps past the dropped ones, which is the
 * protocol's existing signal to refetch that view's snapshot, so no new message type is needed.
 * A client that lets even its replies pile up past `closeAboveBytes` is closed with a reason.
 */
export class BoundedSender {
  /** Newest dropped event per channel, held until the client catches up. */
  private readonly dropped = new Map<string, EventMessage>();
  private droppedCount = 0;

  /**
   * @param follows whether the client still follows a channel when its held event would go out:
   *   a sign-out, an ended session or a lost role unsubscribes it meanwhile, and a held event of a
   *   channel it may no longer follow must not reach it.
   */
  constructor(
    private readonly ws: WebSocket,
    private readonly limits: SendBufferLimits,
    private readonly log: Logger,
    private readonly follows: (channel: string) => boolean,
  ) {}

  send(message: ServerMessage): void {
    const ws = this.ws;
    if (ws.readyState !== ws.OPEN) return;
    if (message.type === 'event') {
      if (ws.bufferedAmount > this.limits.dropEventsAboveBytes) return this.drop(message);
      // A newer event of that channel reveals the gap by itself.
      this.dropped.delete(message.channel);
    }
    ws.send(serializeMessage(message), this.written);
    if (ws.bufferedAmount > this.limits.closeAboveBytes) this.closeSlowClient();
  }

  private drop(message: EventMessage): void {
    if (this.droppedCount === 0) {
      this.log.warn('websocket client is slow: dropping its events until it catches up', { bufferedBytes: this.ws.bufferedAmount });
    }
    this.droppedCount++;
    this.dropped.set(message.channel, message);
  }

  /** After every frame reaches the socket: once the backlog has drained, reveal the gaps. */
  private readonly written = (error?: Error): void => {
    const ws = this.ws;
    if (error || this.droppedCount === 0 || ws.readyState !== ws.OPEN) return;
    // Half the bound, so a client hovering at the bound does not flip between modes per frame.
    if (ws.bufferedAmount > this.limits.dropEventsAboveBytes / 2) return;
    const pending = [...this.dropped.values()].filter((m) => this.follows(m.channel));
    this.log.info('websocket client caught up: it resyncs the channels whose events were dropped', {
      droppedEvents: this.droppedCount,
      channels: pending.map((m) => m.channel),
    });
    this.dropped.clear();
    this.droppedCount = 0;
    for (const message of pending) ws.send(serializeMessage(message), this.written);
  };

  private closeSlowClient(): void {
    this.log.warn('websocket client is not reading: disconnecting it', { bufferedBytes: this.ws.bufferedAmount });
    this.dropped.clear();
    this.droppedCount = 0;
    this.ws.close(SLOW_CLIENT_CLOSE_CODE, `not reading: over ${Math.round(this.limits.closeAboveBytes / 1024)} KiB waiting; reconnect and refetch`);
  }
}
