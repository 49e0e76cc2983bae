import type { Result } from '../../../main/contract/errors';
import type { ChannelMessage } from '../../../main/contract/api';
import { beginResync } from '../stores/connection-store';
import { api } from './api';

export interface LiveChannelOptions<T> {
  channel: string;
  /** The one snapshot invoke of a view: on mount, and again only after a gap or reconnect. */
  fetchSnapshot: () => Promise<Result<T>>;
  /**
   * The channel seq a snapshot is current to, when its invoke reports one: events up to it are
   * already inside the snapshot and are skipped. Without it every event is applied.
   */
  snapshotSeq?: (data: T) => number;
  onSnapshot: (data: T) => void;
  onEvent: (name: string, payload: unknown) => void;
  onError: (message: string) => void;
}

/**
 * How every view stays live without polling: subscribe first, fetch the snapshot once, then
 * apply events; refetch only when the channel reports missed events. Events that arrive while
 * a snapshot is loading wait for it. Returns the unsubscribe.
 */
export function attachLiveChannel<T>(options: LiveChannelOptions<T>): () => void {
  let active = true;
  let generation = 0;
  let waiting: Array<{ name: string; payload: unknown; seq: number }> | null = [];

  /** After a resync the screen counts as stale (actions wait) until this snapshot is in. */
  const load = (afterResync = false) => {
    const mine = ++generation;
    const resynced = afterResync ? beginResync() : undefined;
    waiting ??= [];
    void options
      .fetchSnapshot()
      .then((result) => {
        if (!active || mine !== generation) return;
        const held = waiting ?? [];
        waiting = null;
        if (!result.ok) {
          options.onError(result.error.message);
          return;
        }
        options.onSnapshot(result.data);
        const covered = options.snapshotSeq?.(result.data) ?? -Infinity;
        for (const event of held) if (event.seq > covered) options.onEvent(event.name, event.payload);
      })
      .finally(() => resynced?.());
  };

  const unsubscribe = api.subscribe(options.channel, (message: ChannelMessage) => {
    if (message.kind === 'resync') load(true);
    else if (waiting) waiting.push(message);
    else options.onEvent(message.name, message.payload);
  });
  load();
  return () => {
    active = false;
    unsubscribe();
  };
}
