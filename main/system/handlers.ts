import type { DomainHandlers } from '../contract/domain-handlers';
import type { systemInvokes } from './contract';
import type { SystemServices } from './system-services';

export const systemHandlers: DomainHandlers<keyof typeof systemInvokes, SystemServices> = {
  // The data folder names a path on the backend's machine (often a home folder): system admins only.
  'system.status': (_input, { services, session }) => (session.user?.role === 'system_admin' && !session.restriction ? services.status.withDataDir() : services.status.current()),
  'system.metrics': ({ reset }, { services }) => ({ ...services.metrics.read(reset), routerShardRestarts: services.liveRouters.shardRestarts }),
};
