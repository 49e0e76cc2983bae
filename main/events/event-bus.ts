import { events, type EventName, type EventPayload } from '../contract';
import type { Logger } from '../core/logger';
import { channelOf } from './channels';

/** An event as delivered to channel subscribers: stamped with its channel's sequence number. */
export interface BusEvent {
  channel: string;
  seq: number;
  name: string;
  payload: unknown;
}

export type ChannelSubscriber = (event: BusEvent) => void;
export interface EventMeta {
  channel: string;
  /** The tenant the event was published for, if any. */
  tenantId?: number;
}

export type EventListener<E extends EventName> = (payload: EventPayload<E>, meta: EventMeta) => void;

/**
 * In-process typed event bus. Domain listeners react by event name (see events/listeners.ts);
 * client connections subscribe by channel. Every publish on a channel increments that channel's
 * sequence number so clients can detect missed events.
 */
export class EventBus {
  private readonly seqs = new Map<string, number>();
  private readonly subscribers = new Map<string, Set<ChannelSubscriber>>();
  private readonly listeners = new Map<EventName, Set<EventListener<never>>>();

  constructor(private readonly log: Logger) {}

  /** Publishes `name` on its channel (the tenant's, for tenant-scoped events). */
  publish<E extends EventName>(name: E, payload: EventPayload<E>, tenantId?: number): BusEvent {
    const channel = channelOf(events[name], tenantId);
    const seq = (this.seqs.get(channel) ?? 0) + 1;
    this.seqs.set(channel, seq);
    const event: BusEvent = { channel, seq, name, payload };
    for (const listener of this.listeners.get(name) ?? []) {
      this.guard(() => (listener as EventListener<E>)(payload, { channel, tenantId }), name, channel);
    }
    for (const subscriber of this.subscribers.get(channel) ?? []) {
      this.guard(() => subscriber(event), name, channel);
    }
    return event;
  }

  /** Adds a domain listener for an event name; returns its removal. */
  on<E extends EventName>(name: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as EventListener<never>);
    return () => set.delete(listener as EventListener<never>);
  }

  /** Subscribes to every event of a channel. Authorization is the caller's job. */
  subscribe(channel: string, subscriber: ChannelSubscriber): () => void {
    let set = this.subscribers.get(channel);
    if (!set) this.subscribers.set(channel, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(channel);
    };
  }

  /** Connections following a channel now: what one publish on it costs to deliver. */
  subscriberCount(channel: string): number {
    return this.subscribers.get(channel)?.size ?? 0;
  }

  currentSeq(channel: string): number {
    return this.seqs.get(channel) ?? 0;
  }

  private guard(fn: () => void, name: string, channel: string): void {
    try {
      fn();
    } catch (error) {
      this.log.error('event listener failed', { event: name, channel, error: String(error) });
    }
  }
}
