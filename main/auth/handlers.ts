import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { AuthServices } from './auth-services';
import { checkPassword } from '../users/account-rules';
import type { authInvokes } from './contract';
import { createFirstAdmin } from './first-run';
import { twoFactorHandlers } from './two-factor-handlers';

export const authHandlers: DomainHandlers<keyof typeof authInvokes, AuthServices> = {
  'auth.signIn': ({ username, password }, { services, session }) => services.auth.signIn(session, username, password),
  'auth.resume': ({ token }, { services, session }) => services.auth.resume(session, token),
  'auth.signOut': async (_input, { services, session }) => ({ signedOut: await services.auth.signOut(session) }),
  'auth.me': async (_input, { services, session }) => ({ user: await services.auth.me(session) }),
  'auth.changePassword': async ({ currentPassword, newPassword }, { services, session }) => {
    await services.auth.changePassword(session, currentPassword, newPassword, checkPassword);
    return { changed: true as const };
  },
  'auth.settings': (_input, { services }) => services.auth.settings(),
  'auth.updateSettings': async (changes, { services, session }) => {
    const now = Date.now();
    // The settings and their audit entry commit together; the entry goes live after the commit.
    const settings = await services.accounts.run(async (tx) => {
      const settings = await services.auth.updateSettings(tx, changes);
      await tx.audit.record({ at: now, tenantId: null, actor: session.user, action: 'settings.updated', target: { type: 'settings', id: null, label: 'auth' }, details: changes });
      return settings;
    });
    if (changes.requireTwoFactorForSystemAdmins !== undefined) await services.twoFactor.requirementChanged({ tenantId: null });
    return settings;
  },
  'setup.status': async (_input, { services }) => ({
    needsSetup: (await services.accounts.read((tx) => tx.users.count())) === 0,
    selfRegistration: services.auth.settings().selfRegistration,
  }),
  'setup.createAdmin': async (input, { services, session }) => {
    if ((await services.accounts.read((tx) => tx.users.count())) > 0) throw new DomainError('conflict', 'The console is already set up. Sign in instead.');
    const user = await createFirstAdmin(services, input, 'setup');
    return services.auth.startSession(session, user);
  },
  ...twoFactorHandlers,
};
