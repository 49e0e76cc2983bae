import { checkInvoke } from '../auth/permissions';
import type { DiscoveryServices } from './discovery-services';
import { DiscoveryService, type DiscoveryOptions } from './discovery-service';

/**
 * One discovery service per core, made on first use: the port is only opened when someone
 * watches, so a core that never shows Discovery costs nothing. Kept beside the core's services
 * (not in them) because it belongs to the machine the core runs on, not to the business.
 */
const services = new WeakMap<DiscoveryServices, DiscoveryService>();
const configured = new WeakMap<DiscoveryServices, DiscoveryOptions>();

export function discoveryOf(core: DiscoveryServices): DiscoveryService {
  let service = services.get(core);
  if (!service) {
    service = new DiscoveryService(
      {
        bus: core.bus,
        log: core.log.child({ component: 'discovery' }),
        // A closed or signed-out connection has no live sign-in session; a user whose role changed may no longer watch.
        isLive: (session) => core.auth.sessionIdOf(session) !== null && checkInvoke(session, 'discovery.watch') === null,
      },
      configured.get(core),
    );
    services.set(core, service);
  }
  return service;
}

/** Port and address for this core's discovery (tests: loopback and a free port); before first use. */
export function configureDiscovery(core: DiscoveryServices, options: DiscoveryOptions): void {
  if (services.has(core)) throw new Error('configure discovery before it is first used');
  configured.set(core, options);
}

/** Registered with the core's listeners so closing the core closes the port. */
export function discoveryListeners(core: DiscoveryServices): Array<() => void> {
  return [
    () => {
      const service = services.get(core);
      services.delete(core);
      void service?.close();
    },
  ];
}
