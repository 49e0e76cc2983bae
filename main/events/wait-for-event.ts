import type { BusEvent, EventBus } from './event-bus';

/**
 * Resolves with the first event on `channel` that satisfies `match` (tests, benchmarks).
 * Rejects after `timeoutMs` so a missing event fails the test instead of hanging it.
 */
export function waitForEvent(bus: EventBus, channel: string, match: (event: BusEvent) => boolean, timeoutMs = 15_000): Promise<BusEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching event on ${channel} within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = bus.subscribe(channel, (event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      off();
      resolve(event);
    });
  });
}
