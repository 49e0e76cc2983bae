import type { EventMessage, ServerMessage } from '../contract/protocol';
import type { BusEvent } from '../events/event-bus';

const messages = new WeakMap<BusEvent, EventMessage>();
const texts = new WeakMap<EventMessage, string>();

/**
 * The one protocol message of a bus event, shared by every connection that follows its channel
 * (the bus hands them all the same event object), so that its JSON can be made once for all of
 * them (serializeMessage): 50 consoles on a tenant's sessions otherwise serialize each batch 50
 * times on the main thread.
 */
export function eventMessage(event: BusEvent): EventMessage {
  let message = messages.get(event);
  if (!message) messages.set(event, (message = { type: 'event', ...event }));
  return message;
}

/** A message's JSON; an event message's is made once however many connections send it. */
export function serializeMessage(message: ServerMessage): string {
  if (message.type !== 'event') return JSON.stringify(message);
  let text = texts.get(message);
  if (text === undefined) texts.set(message, (text = JSON.stringify(message)));
  return text;
}
