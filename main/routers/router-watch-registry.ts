import { checkInvoke } from '../auth/permissions';
import type { RouterWatchServices } from './router-services';
import { RouterWatchService, type RouterWatchOptions } from './router-watch-service';

/**
 * One router-page watch service per core, made on first use (like discovery's): kept beside the
 * core's services because it only joins live connections to the routers' streams.
 */
const services = new WeakMap<RouterWatchServices, RouterWatchService>();
const configured = new WeakMap<RouterWatchServices, RouterWatchOptions>();

export function routerWatchOf(core: RouterWatchServices): RouterWatchService {
  let service = services.get(core);
  if (!service) {
    service = new RouterWatchService(
      {
        bus: core.bus,
        log: core.log.child({ component: 'router-watch' }),
        accounts: core.accounts,
        routerStatus: core.routerStatus,
        liveRouters: core.liveRouters,
        // A closed or signed-out connection has no live sign-in session.
        isLive: (session) => core.auth.sessionIdOf(session) !== null && checkInvoke(session, 'routers.watch') === null,
      },
      configured.get(core),
    );
    services.set(core, service);
  }
  return service;
}

/** Sweep timing for this core's watchers (tests); before first use. */
export function configureRouterWatch(core: RouterWatchServices, options: RouterWatchOptions): void {
  if (services.has(core)) throw new Error('configure router watching before it is first used');
  configured.set(core, options);
}

/** Registered with the core's listeners: a removed router's page closes; closing the core stops every stream. */
export function routerWatchListeners(core: RouterWatchServices): Array<() => void> {
  return [
    core.bus.on('RouterRemoved', ({ id }) => services.get(core)?.forget(id)),
    () => {
      const service = services.get(core);
      services.delete(core);
      service?.close();
    },
  ];
}
