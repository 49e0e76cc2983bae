import type { DomainHandlers } from '../contract/domain-handlers';
import type { discoveryInvokes } from './contract';
import { discoveryOf } from './discovery-registry';
import type { DiscoveryServices } from './discovery-services';

export const discoveryHandlers: DomainHandlers<keyof typeof discoveryInvokes, DiscoveryServices> = {
  'discovery.watch': (_input, { services, session }) => discoveryOf(services).watch(session),
  'discovery.unwatch': async (_input, { services, session }) => ({ wasWatching: await discoveryOf(services).unwatch(session) }),
  'discovery.probe': async (_input, { services }) => ({ sentTo: await discoveryOf(services).probe() }),
};
