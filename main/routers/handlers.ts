import { X509Certificate } from 'node:crypto';
import { auditedChange } from '../audit/audited-change';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { changedEndpointFields, type RouterSummary, type RouterTlsMode, type routerInvokes } from './contract';
import { normalizeFingerprint } from './client/peer-certificate';
import type { RouterRecord } from './router-store';
import type { RouterServices } from './router-services';

export function routerSummary(services: { routerStatus: Pick<RouterServices['routerStatus'], 'get'> }, record: RouterRecord): RouterSummary {
  return { ...record, status: services.routerStatus.get(record.id) };
}

function notFound(id: number): DomainError {
  return new DomainError('not_found', `router ${id} does not exist in your tenant`);
}

/** The contract checks the PEM's shape; only here (Node) can it be parsed. */
function checkCa(tls: RouterTlsMode, ca: string): void {
  if (tls !== 'verify-ca') return;
  if (ca === '') throw new DomainError('invalid_input', 'verified TLS needs the CA certificate', { fields: { tlsCa: 'paste the CA certificate that signed the router’s certificate' } });
  try {
    new X509Certificate(ca);
  } catch {
    throw new DomainError('invalid_input', 'the CA certificate cannot be read', { fields: { tlsCa: 'not a readable PEM certificate: paste the whole -----BEGIN CERTIFICATE----- block' } });
  }
}

export const routerHandlers: DomainHandlers<keyof typeof routerInvokes, RouterServices> = {
  'routers.list': async ({ tenantId }, { services, session }) => {
    const scope = readScope(session);
    const records = await services.accounts.read((tx) => tx.routers.list(scope ?? tenantId ?? null));
    return records.map((r) => routerSummary(services, r));
  },

  'routers.add': async ({ tenantId, password, ...settings }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    checkCa(settings.tls, settings.tlsCa);
    const added = await auditedChange(
      services,
      session.user,
      async (tx) => {
        // A system admin names the tenant (a tenant user's is their own): a router of a tenant that
        // does not exist would be stored and watched for no one.
        if (session.user?.role === 'system_admin') await tx.tenants.require(tenant);
        const record = await tx.routers.add(tenant, settings, password, new Date());
        tx.afterCommit(() => services.bus.publish('RouterAdded', routerSummary(services, record), tenant));
        return record;
      },
      (r) => ({ tenantId: r.tenantId, action: 'router.added', target: { type: 'router', id: r.id, label: r.name }, details: { host: r.host, port: r.port, tls: r.tls } }),
    );
    return routerSummary(services, added);
  },

  'routers.update': async ({ id, password, ...changes }, { services, session }) => {
    const scope = readScope(session);
    const updated = await auditedChange(
      services,
      session.user,
      async (tx) => {
        const current = await tx.routers.get(scope, id);
        if (!current) throw notFound(id);
        // The stored password only ever goes where it was entered for: a new address, port, user,
        // TLS mode or CA could be someone's listener, so it must be typed again (issue 10, finding 2).
        const moved = changedEndpointFields(current, changes);
        if (moved.length > 0 && password === undefined) {
          throw new DomainError('invalid_input', `enter the router’s password again: it is only sent to the ${moved.join(', ')} it was saved with`, {
            fields: { password: `enter the password again to change the router’s ${moved.join(', ')}` },
          });
        }
        checkCa(changes.tls ?? current.tls, changes.tlsCa ?? current.tlsCa);
        const record = (await tx.routers.update(scope, id, changes, password, new Date()))!;
        tx.afterCommit(() => services.bus.publish('RouterUpdated', routerSummary(services, record), record.tenantId));
        return record;
      },
      (r) => ({
        tenantId: r.tenantId,
        action: 'router.updated',
        target: { type: 'router', id, label: r.name },
        // Which fields changed, not their values: a CA or notes can be long, a password is never logged.
        details: { fields: [...Object.keys(changes), ...(password === undefined ? [] : ['password'])] },
      }),
    );
    return routerSummary(services, updated);
  },

  'routers.acceptCertificate': async ({ id, fingerprint }, { services, session }) => {
    const scope = readScope(session);
    const accepted = await auditedChange(
      services,
      session.user,
      async (tx) => {
        const current = await tx.routers.get(scope, id);
        if (!current) throw notFound(id);
        const record = await tx.routers.acceptCertificate(scope, id, normalizeFingerprint(fingerprint));
        if (!record) {
          throw new DomainError('conflict', `router '${current.name}' presents no new certificate with that fingerprint: compare it with the one shown on the router again`, {
            fields: { fingerprint: current.tlsOfferedFingerprint === null ? 'no new certificate is waiting' : 'not the fingerprint of the new certificate' },
          });
        }
        tx.afterCommit(() => services.bus.publish('RouterUpdated', routerSummary(services, record), record.tenantId));
        return record;
      },
      // Trusting another certificate is a change of what the console logs in to: who did it, and which one.
      (r) => ({ tenantId: r.tenantId, action: 'router.updated', target: { type: 'router', id, label: r.name }, details: { fields: ['tlsFingerprint'], fingerprint: r.tlsFingerprint } }),
    );
    return routerSummary(services, accepted);
  },

  'routers.test': async ({ id }, { services, session }) => {
    // Audited when queued: the person's act is the request, and only the invoke knows who made it;
    // the outcome is the job's (RouterTested, the jobs list).
    const { jobId } = await auditedChange(
      services,
      session.user,
      async (tx) => {
        const record = await tx.routers.get(readScope(session), id);
        if (!record) throw notFound(id);
        const queued = await tx.jobs.enqueue('routers.test', { routerId: id }, { tenantId: record.tenantId, uniqueKey: `routers.test:${id}` });
        return { jobId: queued.jobId, record };
      },
      ({ jobId, record }) => ({ tenantId: record.tenantId, action: 'router.test_requested', target: { type: 'router', id, label: record.name }, details: { jobId } }),
    );
    return { jobId };
  },

  'routers.remove': async ({ id }, { services, session }) => {
    await auditedChange(
      services,
      session.user,
      async (tx) => {
        const record = await tx.routers.remove(readScope(session), id);
        if (!record) throw notFound(id);
        tx.afterCommit(() => {
          services.routerStatus.forget(id);
          services.bus.publish('RouterRemoved', { id }, record.tenantId);
        });
        return record;
      },
      (r) => ({ tenantId: r.tenantId, action: 'router.removed', target: { type: 'router', id, label: r.name } }),
    );
    return { id };
  },
};
