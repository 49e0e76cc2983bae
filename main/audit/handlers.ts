import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { AuditServices } from './audit-services';
import type { auditInvokes } from './contract';

export const auditHandlers: DomainHandlers<keyof typeof auditInvokes, AuditServices> = {
  'audit.list': async ({ tenantId, beforeId, limit }, { services, session }) => {
    const user = session.user!;
    if (user.role !== 'system_admin' && tenantId !== undefined && tenantId !== user.tenantId) {
      throw new DomainError('forbidden', 'You can only see the audit log of your own tenant.');
    }
    const scope = user.role !== 'system_admin' ? { tenantId: user.tenantId } : tenantId === undefined ? 'all' : { tenantId };
    return { entries: await services.accounts.read((tx) => tx.audit.list(scope, { beforeId, limit })) };
  },
};
