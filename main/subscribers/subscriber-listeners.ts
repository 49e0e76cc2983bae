import type { SessionDelta } from '../sessions/contract';
import type { SubscriberServices } from './subscriber-services';
import { subscriberSummary } from './subscriber-summary';

type Services = Pick<SubscriberServices, 'bus' | 'business' | 'log'>;

/**
 * Sessions seen on the routers become the subscribers' history and "last seen": a started or
 * ended session whose login name is a subscriber of the tenant. One lookup per delta, so a busy
 * fleet's churn costs one query per batch, not one per session.
 */
export function subscriberListeners(services: Services): Array<() => void> {
  const { bus } = services;
  const follow = (kind: 'hotspot' | 'pppoe') => (delta: SessionDelta<{ key: string; routerId: number; routerName: string; user?: string; name?: string }>, meta: { tenantId?: number }) => {
    const tenantId = meta.tenantId;
    if (tenantId === undefined || delta.started.length === 0) return;
    const started = delta.started.map((s) => ({ login: (kind === 'hotspot' ? s.user : s.name) ?? '', routerId: s.routerId, routerName: s.routerName }));
    void services.business
      .run(async (tx) => {
        const subscribers = await tx.subscribers.idsByUsername(tenantId, started.map((s) => s.login));
        if (subscribers.size === 0) return;
        const now = Date.now();
        for (const session of started) {
          const found = subscribers.get(session.login.toLowerCase());
          if (!found || found.kind !== kind) continue;
          await tx.subscribers.markSeen(found.id, now);
          await tx.subscribers.addHistory(tenantId, found.id, 'session-started', `online on ${session.routerName}`, session.routerId, now);
          const record = await tx.subscribers.get(tenantId, found.id);
          if (record) {
            const summary = await subscriberSummary(tx, record);
            tx.afterCommit(() => bus.publish('SubscriberUpdated', summary, tenantId));
          }
        }
      })
      .catch((error: unknown) => services.log.error('subscriber session history not recorded', { tenantId, error: String(error) }));
  };
  return [bus.on('HotspotSessionsChanged', follow('hotspot')), bus.on('PppoeSessionsChanged', follow('pppoe'))];
}
