import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { userInvokes } from './contract';
import { submitCreateUser, submitDeleteUser, submitSetDisabled, submitUnlockUser, submitUpdateUser } from './user-commands';
import type { UserServices } from './user-services';
import { userDetail, userSummary } from './user-views';

export const userHandlers: DomainHandlers<keyof typeof userInvokes, UserServices> = {
  'users.list': async ({ tenantId }, { services, session }) => {
    const user = session.user!;
    if (user.role !== 'system_admin' && tenantId !== undefined && tenantId !== user.tenantId) {
      throw new DomainError('forbidden', 'You can only see the users of your own tenant.');
    }
    const scope = user.role !== 'system_admin' ? { tenantId: user.tenantId } : tenantId === undefined ? 'all' : { tenantId };
    const users = await services.accounts.read((tx) => tx.users.list(scope));
    return { users: users.map(userSummary) };
  },
  'users.get': async ({ id }, { services, session }) => {
    const user = session.user!;
    const found = await services.accounts.read((tx) => tx.users.get(id, user.role === 'system_admin' ? 'all' : { tenantId: user.tenantId }));
    if (!found) throw new DomainError('not_found', `User ${id} does not exist in your tenant.`);
    return userDetail(found);
  },
  'users.create': (input, { services, session }) => submitCreateUser(services, session, input),
  'users.update': (input, { services, session }) => submitUpdateUser(services, session, input),
  'users.setDisabled': ({ id, disabled }, { services, session }) => submitSetDisabled(services, session, id, disabled),
  'users.delete': ({ id }, { services, session }) => submitDeleteUser(services, session, id),
  'users.unlock': ({ id }, { services, session }) => submitUnlockUser(services, session, id),
};
