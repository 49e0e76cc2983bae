import type { ServerMessage } from '../contract/protocol';
import type { TestCore } from './test-core';

/**
 * A client connection to a real core, speaking the wire messages: invokes and subscriptions get
 * their ids here and are sent at once (a test may send several without waiting, as a reconnecting
 * client does), and events are waited for by predicate.
 */
export function contractClient(core: TestCore) {
  const results = new Map<number, (m: ServerMessage) => void>();
  const waiters: Array<{ match: (m: ServerMessage & { type: 'event' }) => boolean; resolve: (m: ServerMessage) => void }> = [];
  const connection = core.connect((message) => {
    if (message.type === 'result') results.get(message.id)?.(message);
    if (message.type === 'event') {
      const i = waiters.findIndex((w) => w.match(message));
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(message);
    }
  });
  let nextId = 1;
  const send = (message: Record<string, unknown>) =>
    new Promise<ServerMessage>((resolve) => {
      const id = nextId++;
      results.set(id, resolve);
      void connection.receive({ ...message, id });
    });
  return {
    connection,
    invoke: (name: string, input: unknown) => send({ type: 'invoke', name, input }),
    subscribe: (channel: string) => send({ type: 'subscribe', channel }),
    unsubscribe: (channel: string) => send({ type: 'unsubscribe', channel }),
    event: (match: (m: ServerMessage & { type: 'event' }) => boolean) => new Promise<ServerMessage>((resolve) => waiters.push({ match, resolve })),
  };
}
