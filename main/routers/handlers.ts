import { X509Certificate } from 'node:crypto';
import { auditedChange } from '../audit/audited-change';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import { readScope, writeTenant } from '../auth/tenant-scope';
import { changedEndpointFields, type RouterSummary, type RouterTlsMode, type routerInvokes } from './contract';
import { normalizeFingerprint } from './client/peer-certificate';
import type { RouterRecord } from './router-repository';
import type { RouterServices } from './router-services';

export function routerSummary(services: Pick<RouterServices, 'routerStatus'>, record: RouterRecord): RouterSummary {
  return { ...record, status: services.routerStatus.get(record.id) };
}

function nameConflict(name: string): DomainError {
  return new DomainError('conflict', `a router named "${name}" already exists in this tenant`, { fields: { name: 'already used in this tenant' } });
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
  'routers.list': ({ tenantId }, { services, session }) => {
    const scope = readScope(session);
    return services.routers.list(scope ?? tenantId ?? null).map((r) => routerSummary(services, r));
  },

  'routers.add': async ({ tenantId, password, ...settings }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    // A system admin names the tenant (a tenant user's is their own): a router of a tenant that
    // does not exist would be stored and watched for no one.
    if (session.user?.role === 'system_admin') await services.accounts.read((tx) => tx.tenants.require(tenant));
    checkCa(settings.tls, settings.tlsCa);
    if (services.routers.nameTaken(tenant, settings.name)) throw nameConflict(settings.name);
    const added = await auditedChange(services, session.user, () => services.routers.add(tenant, settings, password, new Date()), (r) => ({
      tenantId: r.tenantId,
      action: 'router.added',
      target: { type: 'router', id: r.id, label: r.name },
      details: { host: r.host, port: r.port, tls: r.tls },
    }));
    const summary = routerSummary(services, added);
    services.bus.publish('RouterAdded', summary, tenant);
    return summary;
  },

  'routers.update': async ({ id, password, ...changes }, { services, session }) => {
    const scope = readScope(session);
    const current = services.routers.get(scope, id);
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
    if (changes.name !== undefined && services.routers.nameTaken(current.tenantId, changes.name, id)) throw nameConflict(changes.name);
    const updated = await auditedChange(services, session.user, () => services.routers.update(scope, id, changes, password, new Date())!, (r) => ({
      tenantId: r.tenantId,
      action: 'router.updated',
      target: { type: 'router', id, label: r.name },
      // Which fields changed, not their values: a CA or notes can be long, a password is never logged.
      details: { fields: [...Object.keys(changes), ...(password === undefined ? [] : ['password'])] },
    }));
    const summary = routerSummary(services, updated);
    services.bus.publish('RouterUpdated', summary, updated.tenantId);
    return summary;
  },

  'routers.acceptCertificate': ({ id, fingerprint }, { services, session }) => {
    const scope = readScope(session);
    const current = services.routers.get(scope, id);
    if (!current) throw notFound(id);
    const accepted = services.routers.acceptCertificate(scope, id, normalizeFingerprint(fingerprint));
    if (!accepted) {
      throw new DomainError('conflict', `router '${current.name}' presents no new certificate with that fingerprint: compare it with the one shown on the router again`, {
        fields: { fingerprint: current.tlsOfferedFingerprint === null ? 'no new certificate is waiting' : 'not the fingerprint of the new certificate' },
      });
    }
    services.log.info('router certificate accepted', { tenantId: accepted.tenantId, routerId: id, userId: session.user?.id, fingerprint: accepted.tlsFingerprint });
    const summary = routerSummary(services, accepted);
    services.bus.publish('RouterUpdated', summary, accepted.tenantId);
    return summary;
  },

  'routers.test': ({ id }, { services, session }) => {
    const record = services.routers.get(readScope(session), id);
    if (!record) throw notFound(id);
    // Audited when queued: the person's act is the request, and only the invoke knows who made it;
    // the outcome is the job's (RouterTested, the jobs list).
    return auditedChange(
      services,
      session.user,
      async (tx) => ({ jobId: (await tx.jobs.enqueue('routers.test', { routerId: id }, { tenantId: record.tenantId, uniqueKey: `routers.test:${id}` })).jobId }),
      ({ jobId }) => ({ tenantId: record.tenantId, action: 'router.test_requested', target: { type: 'router', id, label: record.name }, details: { jobId } }),
    );
  },

  'routers.remove': async ({ id }, { services, session }) => {
    const removed = await auditedChange(
      services,
      session.user,
      () => {
        const record = services.routers.remove(readScope(session), id);
        if (!record) throw notFound(id);
        return record;
      },
      (r) => ({ tenantId: r.tenantId, action: 'router.removed', target: { type: 'router', id, label: r.name } }),
    );
    services.routerStatus.forget(id);
    services.bus.publish('RouterRemoved', { id }, removed.tenantId);
    return { id };
  },
};
