import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { AuthServices } from './auth-services';
import type { twoFactorInvokes } from './two-factor-contract';

export const twoFactorHandlers: DomainHandlers<keyof typeof twoFactorInvokes, AuthServices> = {
  'auth.completeSignIn': ({ code }, { services, session }) => services.twoFactor.completeSignIn(session, code),
  'auth.twoFactor.status': (_input, { services, session }) => services.twoFactor.status(session.user!),
  'auth.twoFactor.begin': (_input, { services, session }) => services.twoFactor.begin(session.user!),
  'auth.twoFactor.confirm': ({ code }, { services, session }) =>
    services.twoFactor.confirm(session.user!, code, services.auth.sessionIdOf(session) ?? undefined),
  'auth.twoFactor.disable': async ({ password, code }, { services, session }) => {
    await services.twoFactor.disable(session.user!, password, code);
    return { disabled: true as const };
  },
  'auth.twoFactor.regenerateRecoveryCodes': ({ code }, { services, session }) => services.twoFactor.regenerateRecoveryCodes(session.user!, code),
  'auth.tenantPolicy': (_input, { services, session }) => services.twoFactor.tenantPolicy(ownTenant(session.user!.tenantId)),
  'auth.updateTenantPolicy': (policy, { services, session }) => services.twoFactor.updateTenantPolicy(session.user!, ownTenant(session.user!.tenantId), policy),
};

function ownTenant(tenantId: number | null): number {
  if (tenantId === null) throw new DomainError('forbidden', 'Only a tenant admin has a tenant sign-in policy; system admins use the system setting.');
  return tenantId;
}
