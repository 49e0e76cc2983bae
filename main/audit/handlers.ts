import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../core/handlers';
import type { auditInvokes } from './contract';

export const auditHandlers: DomainHandlers<keyof typeof auditInvokes> = {
  'audit.list': ({ tenantId, beforeId, limit }, { services, session }) => {
    const user = session.user!;
    if (user.role !== 'system_admin') {
      if (tenantId !== undefined && tenantId !== user.tenantId) throw new DomainError('forbidden', 'You can only see the audit log of your own tenant.');
      return { entries: services.audit.list({ tenantId: user.tenantId }, { beforeId, limit }) };
    }
    return { entries: services.audit.list(tenantId === undefined ? 'all' : { tenantId }, { beforeId, limit }) };
  },
};
