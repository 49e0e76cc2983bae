import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../core/handlers';
import type { tenantInvokes } from './contract';
import { submitRegistration } from './registration';
import { tenantSummary } from './tenant-jobs';

export const tenantHandlers: DomainHandlers<keyof typeof tenantInvokes> = {
  'tenants.list': (_input, { services }) => ({ tenants: services.tenants.list().map((t) => tenantSummary(t, t.userCount)) }),
  'tenants.register': (input, { services, session }) => submitRegistration(services, input, session.user),
  'tenants.selfRegister': (input, { services }) => {
    if (!services.auth.settings().selfRegistration) {
      throw new DomainError('forbidden', "Self-registration is switched off. Ask the console's administrator to register your company.");
    }
    return submitRegistration(services, input, null);
  },
};
