import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../core/handlers';
import type { CoreServices } from '../core/services';
import { readScope, writeTenant } from '../auth/tenant-scope';
import type { RouterSummary, routerInvokes } from './contract';
import type { RouterRecord } from './router-repository';

export function routerSummary(services: CoreServices, record: RouterRecord): RouterSummary {
  return { ...record, status: services.routerStatus.get(record.id) };
}

function nameConflict(name: string): DomainError {
  return new DomainError('conflict', `a router named "${name}" already exists in this tenant`, { fields: { name: 'already used in this tenant' } });
}

export const routerHandlers: DomainHandlers<keyof typeof routerInvokes> = {
  'routers.list': ({ tenantId }, { services, session }) => {
    const scope = readScope(session);
    return services.routers.list(scope ?? tenantId ?? null).map((r) => routerSummary(services, r));
  },

  'routers.add': ({ tenantId, password, ...settings }, { services, session }) => {
    const tenant = writeTenant(session, tenantId);
    if (services.routers.nameTaken(tenant, settings.name)) throw nameConflict(settings.name);
    const summary = routerSummary(services, services.routers.add(tenant, settings, password, new Date()));
    services.bus.publish('RouterAdded', summary, tenant);
    return summary;
  },

  'routers.update': ({ id, password, ...changes }, { services, session }) => {
    const scope = readScope(session);
    const current = services.routers.get(scope, id);
    if (!current) throw new DomainError('not_found', `router ${id} does not exist in your tenant`);
    if (changes.name !== undefined && services.routers.nameTaken(current.tenantId, changes.name, id)) throw nameConflict(changes.name);
    const updated = services.routers.update(scope, id, changes, password, new Date())!;
    const summary = routerSummary(services, updated);
    services.bus.publish('RouterUpdated', summary, updated.tenantId);
    return summary;
  },

  'routers.test': ({ id }, { services, session }) => {
    const record = services.routers.get(readScope(session), id);
    if (!record) throw new DomainError('not_found', `router ${id} does not exist in your tenant`);
    const { jobId } = services.jobs.enqueue('routers.test', { routerId: id }, { tenantId: record.tenantId, uniqueKey: `routers.test:${id}` });
    return { jobId };
  },

  'routers.remove': ({ id }, { services, session }) => {
    const removed = services.routers.remove(readScope(session), id);
    if (!removed) throw new DomainError('not_found', `router ${id} does not exist in your tenant`);
    services.routerStatus.forget(id);
    services.bus.publish('RouterRemoved', { id }, removed.tenantId);
    return { id };
  },
};
