import type { DomainHandlers } from '../core/handlers';
import { readScope } from '../auth/tenant-scope';
import type { sessionInvokes } from './contract';
import { requireTenant } from './session-hub';

export const sessionHandlers: DomainHandlers<keyof typeof sessionInvokes> = {
  'sessions.hotspot.list': ({ routerId, tenantId }, { services, session }) =>
    services.sessions.hotspotSnapshot(requireTenant(readScope(session), tenantId), routerId),
  'sessions.pppoe.list': ({ routerId, tenantId }, { services, session }) =>
    services.sessions.pppoeSnapshot(requireTenant(readScope(session), tenantId), routerId),
};
