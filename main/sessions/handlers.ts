import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../core/handlers';
import type { InvokeContext } from '../core/services';
import { readScope } from '../auth/tenant-scope';
import type { SessionKind } from '../routers/io/shard-protocol';
import type { sessionInvokes } from './contract';
import { requireTenant } from './session-hub';

/** Disconnect = a job that removes the session on its router; the row goes when the router confirms. */
function disconnect(kind: SessionKind) {
  return ({ key }: { key: string }, { services, session }: InvokeContext): { jobId: number } => {
    const scope = readScope(session);
    const tenantId = scope ?? services.sessions.tenantOfKey(kind, key);
    const found = tenantId === undefined ? undefined : kind === 'hotspot' ? services.sessions.hotspotSession(tenantId, key) : services.sessions.pppoeSession(tenantId, key);
    if (!found || tenantId === undefined) throw new DomainError('not_found', 'that session is no longer online');
    const label = 'user' in found ? found.user : found.name;
    const { jobId } = services.jobs.enqueue(
      'sessions.disconnect',
      { routerId: found.routerId, kind, sessionId: found.id, label },
      { tenantId, uniqueKey: `sessions.disconnect:${key}` },
    );
    return { jobId };
  };
}

export const sessionHandlers: DomainHandlers<keyof typeof sessionInvokes> = {
  'sessions.hotspot.list': ({ routerId, tenantId }, { services, session }) =>
    services.sessions.hotspotSnapshot(requireTenant(readScope(session), tenantId), routerId),
  'sessions.pppoe.list': ({ routerId, tenantId }, { services, session }) =>
    services.sessions.pppoeSnapshot(requireTenant(readScope(session), tenantId), routerId),
  'sessions.hotspot.disconnect': disconnect('hotspot'),
  'sessions.pppoe.disconnect': disconnect('pppoe'),
};
