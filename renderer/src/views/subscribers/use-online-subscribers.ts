import { useMemo, useRef } from 'react';
import type { HotspotSession, PppoeSession } from '../../../../main/sessions/contract';
import type { SubscriberSummary } from '../../../../main/subscribers/contract';
import { useHotspotStore } from '../online-users/hotspot-store';
import { usePppoeStore } from '../pppoe-sessions/pppoe-store';
import { OnlineLogins } from './online-logins';

const hotspotLogins = new OnlineLogins<HotspotSession>((s) => s.user, 'user');
const pppoeLogins = new OnlineLogins<PppoeSession>((s) => s.name, 'name');

const sameSet = (a: ReadonlySet<number>, b: ReadonlySet<number>) => a.size === b.size && [...a].every((id) => b.has(id));

/**
 * The ids of these subscribers that are online now: a live hotspot (or PPPoE) session on one of
 * their routers has their username. From the live session tables the view attaches, no polling.
 * The set keeps its identity while it does not change, so the rows re-render only when someone
 * comes or goes (not on every counter update of the sessions).
 */
export function useOnlineSubscribers(subscribers: readonly SubscriberSummary[]): ReadonlySet<number> {
  const hotspot = useHotspotStore((s) => s.live);
  const pppoe = usePppoeStore((s) => s.live);
  const previous = useRef<ReadonlySet<number>>(new Set());
  return useMemo(() => {
    hotspotLogins.sync(hotspot);
    pppoeLogins.sync(pppoe);
    const online = new Set<number>();
    for (const s of subscribers) {
      const logins = s.kind === 'hotspot' ? hotspotLogins : pppoeLogins;
      if (logins.isOnline(s.routerIds, s.username)) online.add(s.id);
    }
    if (!sameSet(online, previous.current)) previous.current = online;
    return previous.current;
  }, [hotspot, pppoe, subscribers]);
}
