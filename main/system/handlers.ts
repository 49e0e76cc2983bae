import type { DomainHandlers } from '../core/handlers';
import type { systemInvokes } from './contract';

export const systemHandlers: DomainHandlers<keyof typeof systemInvokes> = {
  'system.status': (_input, { services }) => services.status.current(),
  'system.metrics': ({ reset }, { services }) => ({ ...services.metrics.read(reset), routerShardRestarts: services.liveRouters.shardRestarts }),
};
