import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { RANGE_MS, RANGE_RESOLUTION } from '../dashboard/history-contract';
import type { RouterWatchServices } from './router-services';
import { routerWatchOf } from './router-watch-registry';
import type { InterfaceHistoryPoint, routerWatchInvokes } from './watch-contract';

export const routerWatchHandlers: DomainHandlers<keyof typeof routerWatchInvokes, RouterWatchServices> = {
  'routers.watch': ({ routerId }, { services, session }) => routerWatchOf(services).watch(session, routerId),
  'routers.unwatch': ({ routerId }, { services, session }) => ({ wasWatching: routerWatchOf(services).unwatch(session, routerId) }),
  // Tenant users read their own routers only; a system admin any router (under its own tenant).
  'routers.interfaces.history': async ({ routerId, range, interface: iface }, { services, session }) => {
    const record = await services.accounts.read((tx) => tx.routers.get(session.user?.tenantId ?? null, routerId));
    if (!record) throw new DomainError('not_found', `router ${routerId} is not one of your routers: choose one from Routers`);
    return services.business.read(async (tx) => {
      const now = Date.now();
      const resolution = RANGE_RESOLUTION[range];
      const rows = await tx.interfaceHistory.points(record.tenantId, routerId, resolution, now - RANGE_MS[range], now + 1, iface);
      const byName = new Map<string, InterfaceHistoryPoint[]>();
      for (const r of rows) {
        const points = byName.get(r.interface) ?? [];
        points.push({ at: new Date(r.at).toISOString(), rxBps: r.rxBps, txBps: r.txBps });
        byName.set(r.interface, points);
      }
      return { range, resolution, interfaces: [...byName].map(([name, points]) => ({ name, points })) };
    });
  },
};
