import type { Result } from '../../../main/contract/errors';
import type { ChannelMessage } from '../../../main/contract/api';
import { api } from './api';

export interface LiveChannelOptions<T> {
  channel: string;
  /** The one snapshot invoke of a view: on mount, and again only after a gap or reconnect. */
  fetchSnapshot: () => Promise<Result<T>>;
  onSnapshot: (data: T) => void;
  onEvent: (name: string, payload: unknown) => void;
  onError: (message: string) => void;
}

/**
 * How every view stays live without polling: subscribe first, fetch the snapshot once, then
 * apply events; refetch only when the channel reports missed events. Returns the unsubscribe.
 */
export function attachLiveChannel<T>(options: LiveChannelOptions<T>): () => void {
  let active = true;
  let generation = 0;
  const load = () => {
    const mine = ++generation;
    options.fetchSnapshot().then((result) => {
      if (!active || mine !== generation) return;
      if (result.ok) options.onSnapshot(result.data);
      else options.onError(result.error.message);
    });
  };
  const unsubscribe = api.subscribe(options.channel, (message: ChannelMessage) => {
    if (message.kind === 'resync') load();
    else options.onEvent(message.name, message.payload);
  });
  load();
  return () => {
    active = false;
    unsubscribe();
  };
}
