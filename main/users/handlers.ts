import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../core/handlers';
import type { userInvokes } from './contract';
import { submitCreateUser, submitDeleteUser, submitSetDisabled, submitUnlockUser, submitUpdateUser } from './user-commands';
import { userDetail, userSummary } from './user-views';

export const userHandlers: DomainHandlers<keyof typeof userInvokes> = {
  'users.list': ({ tenantId }, { services, session }) => {
    const user = session.user!;
    if (user.role !== 'system_admin') {
      if (tenantId !== undefined && tenantId !== user.tenantId) throw new DomainError('forbidden', 'You can only see the users of your own tenant.');
      return { users: services.users.list({ tenantId: user.tenantId }).map(userSummary) };
    }
    return { users: services.users.list(tenantId === undefined ? 'all' : { tenantId }).map(userSummary) };
  },
  'users.get': ({ id }, { services, session }) => {
    const user = session.user!;
    const found = services.users.get(id, user.role === 'system_admin' ? 'all' : { tenantId: user.tenantId });
    if (!found) throw new DomainError('not_found', `User ${id} does not exist in your tenant.`);
    return userDetail(found);
  },
  'users.create': (input, { services, session }) => submitCreateUser(services, session, input),
  'users.update': (input, { services, session }) => submitUpdateUser(services, session, input),
  'users.setDisabled': ({ id, disabled }, { services, session }) => submitSetDisabled(services, session, id, disabled),
  'users.delete': ({ id }, { services, session }) => submitDeleteUser(services, session, id),
  'users.unlock': ({ id }, { services, session }) => submitUnlockUser(services, session, id),
};
