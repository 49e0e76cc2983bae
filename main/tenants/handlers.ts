import { writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../contract/domain-handlers';
import type { AccountsTx } from '../accounts/accounts-tx';
import type { tenantInvokes } from './contract';
import { submitRegistration } from './registration';
import { tenantSummary } from './tenant-jobs';
import type { TenantRecord } from './tenant-repository';
import type { TenantServices } from './tenant-services';

async function tenantOf(tx: AccountsTx, id: number): Promise<TenantRecord> {
  const tenant = await tx.tenants.get(id);
  if (!tenant) throw new DomainError('not_found', `tenant ${id} does not exist: choose another tenant`);
  return tenant;
}

export const tenantHandlers: DomainHandlers<keyof typeof tenantInvokes, TenantServices> = {
  'tenants.list': async (_input, { services }) => ({ tenants: (await services.accounts.read((tx) => tx.tenants.list())).map((t) => tenantSummary(t, t.userCount)) }),
  'tenants.register': (input, { services, session }) => submitRegistration(services, input, session.user),
  'tenants.selfRegister': (input, { services }) => {
    if (!services.auth.settings().selfRegistration) {
      throw new DomainError('forbidden', "Self-registration is switched off. Ask the console's administrator to register your company.");
    }
    return submitRegistration(services, input, null);
  },
  'tenants.settings': ({ tenantId }, { services, session }) =>
    services.accounts.read(async (tx) => tx.tenants.settings((await tenantOf(tx, writeTenant(session, tenantId))).id)),
  'tenants.updateSettings': ({ tenantId, name, ...settings }, { services, session }) => {
    const id = writeTenant(session, tenantId);
    const now = Date.now();
    return services.accounts.run(async (tx) => {
      const tenant = await tenantOf(tx, id);
      const owner = await tx.tenants.findByName(name);
      if (owner && owner.id !== tenant.id) throw new DomainError('conflict', `a tenant named "${owner.name}" already exists: choose another name`, { fields: { name: 'already used by another tenant' } });
      await tx.tenants.rename(tenant.id, name);
      await tx.tenants.saveSettings(tenant.id, settings, now);
      const saved = await tx.tenants.settings(tenant.id);
      const { logo, ...shown } = saved;
      const details = { ...shown, logo: logo === null ? 'none' : `${logo.length} characters` };
      await tx.audit.record({ at: now, tenantId: tenant.id, actor: session.user, action: 'settings.updated', target: { type: 'tenant', id: tenant.id, label: saved.name }, details });
      // A new name shows in the system admins' tenant list and pickers too.
      const row = saved.name === tenant.name ? null : await tx.tenants.listRow(tenant.id);
      tx.afterCommit(() => {
        services.bus.publish('TenantSettingsChanged', saved, tenant.id);
        if (row) services.bus.publish('TenantUpdated', { tenant: tenantSummary(row, row.userCount) });
      });
      return saved;
    });
  },
};
