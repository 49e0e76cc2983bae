import type { EventBus } from '../events/event-bus';

/**
 * Calls `listener` when a router comes online: its change to online, not every RouterStatusChanged
 * while online (those also carry each resource refresh, thirty a second on a large fleet).
 */
export function onRouterBackOnline(bus: Pick<EventBus, 'on'>, listener: (routerId: number, tenantId: number | undefined) => void): () => void {
  const online = new Set<number>();
  const offs = [
    bus.on('RouterStatusChanged', ({ id, status }, meta) => {
      if (status.state !== 'online') {
        online.delete(id);
        return;
      }
      if (online.has(id)) return;
      online.add(id);
      listener(id, meta.tenantId);
    }),
    bus.on('RouterRemoved', ({ id }) => online.delete(id)),
  ];
  return () => offs.forEach((off) => off());
}
