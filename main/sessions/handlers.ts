import { auditedChange } from '../audit/audited-change';
import { DomainError } from '../contract/errors';
import { maskIdentifier } from '../events/mask';
import type { DomainHandlers, HandlerContext } from '../contract/domain-handlers';
import { readScope } from '../auth/tenant-scope';
import type { SessionKind } from '../routers/io/shard-protocol';
import type { sessionInvokes } from './contract';
import { requireTenant } from './session-hub';
import type { SessionServices } from './session-services';

/** Disconnect = a job that removes the session on its router; the row goes when the router confirms. */
function disconnect(kind: SessionKind) {
  return ({ key }: { key: string }, { services, session }: HandlerContext<SessionServices>): Promise<{ jobId: number }> => {
    const scope = readScope(session);
    const tenantId = scope ?? services.sessions.tenantOfKey(kind, key);
    const found = tenantId === undefined ? undefined : kind === 'hotspot' ? services.sessions.hotspotSession(tenantId, key) : services.sessions.pppoeSession(tenantId, key);
    if (!found || tenantId === undefined) throw new DomainError('not_found', 'that session is no longer online');
    const label = 'user' in found ? found.user : found.name;
    // Audited when queued, with the job id: the person's act is the request and only the invoke
    // knows who made it; whether the router obeyed is the job's outcome (a row that ends, or
    // *DisconnectFailed). A login that is a phone number or email is masked in the entry.
    return auditedChange(
      services,
      session.user,
      async (tx) => ({
        jobId: (await tx.jobs.enqueue('sessions.disconnect', { routerId: found.routerId, kind, sessionId: found.id, label }, { tenantId, uniqueKey: `sessions.disconnect:${key}` })).jobId,
      }),
      ({ jobId }) => ({
        tenantId,
        action: 'session.disconnect_requested',
        target: { type: 'session', id: null, label: maskIdentifier(label) },
        details: { kind, router: found.routerName, jobId },
      }),
    );
  };
}

export const sessionHandlers: DomainHandlers<keyof typeof sessionInvokes, SessionServices> = {
  'sessions.hotspot.list': ({ routerId, tenantId }, { services, session }) =>
    services.sessions.hotspotSnapshot(requireTenant(readScope(session), tenantId), routerId),
  'sessions.pppoe.list': ({ routerId, tenantId }, { services, session }) =>
    services.sessions.pppoeSnapshot(requireTenant(readScope(session), tenantId), routerId),
  'sessions.hotspot.disconnect': disconnect('hotspot'),
  'sessions.pppoe.disconnect': disconnect('pppoe'),
};
