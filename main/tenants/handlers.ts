import { writeTenant } from '../auth/tenant-scope';
import { DomainError } from '../contract/errors';
import type { DomainHandlers } from '../core/handlers';
import type { CoreServices } from '../core/services';
import type { tenantInvokes } from './contract';
import { submitRegistration } from './registration';
import { tenantSummary } from './tenant-jobs';
import type { TenantRecord } from './tenant-repository';
import { readTenantSettings, writeTenantSettings } from './tenant-settings';

function tenantOf(services: CoreServices, id: number): TenantRecord {
  const tenant = services.tenants.get(id);
  if (!tenant) throw new DomainError('not_found', `tenant ${id} does not exist: choose another tenant`);
  return tenant;
}

export const tenantHandlers: DomainHandlers<keyof typeof tenantInvokes> = {
  'tenants.list': (_input, { services }) => ({ tenants: services.tenants.list().map((t) => tenantSummary(t, t.userCount)) }),
  'tenants.register': (input, { services, session }) => submitRegistration(services, input, session.user),
  'tenants.selfRegister': (input, { services }) => {
    if (!services.auth.settings().selfRegistration) {
      throw new DomainError('forbidden', "Self-registration is switched off. Ask the console's administrator to register your company.");
    }
    return submitRegistration(services, input, null);
  },
  'tenants.settings': ({ tenantId }, { services, session }) => readTenantSettings(services.db, tenantOf(services, writeTenant(session, tenantId))),
  'tenants.updateSettings': ({ tenantId, name, ...settings }, { services, session }) => {
    const tenant = tenantOf(services, writeTenant(session, tenantId));
    const owner = services.tenants.findByName(name);
    if (owner && owner.id !== tenant.id) throw new DomainError('conflict', `a tenant named "${owner.name}" already exists: choose another name`, { fields: { name: 'already used by another tenant' } });
    const now = Date.now();
    const { db, audit } = services;
    const { saved, entry } = db.transaction(() => {
      services.tenants.rename(tenant.id, name);
      writeTenantSettings(db, tenant.id, settings, now);
      const saved = readTenantSettings(db, tenantOf(services, tenant.id));
      const { logo, ...shown } = saved;
      const details = { ...shown, logo: logo === null ? 'none' : `${logo.length} characters` };
      return { saved, entry: audit.record({ at: now, tenantId: tenant.id, actor: session.user, action: 'settings.updated', target: { type: 'tenant', id: tenant.id, label: saved.name }, details }) };
    })();
    audit.publish(entry);
    services.bus.publish('TenantSettingsChanged', saved, tenant.id);
    // A new name shows in the system admins' tenant list and pickers too.
    const row = saved.name === tenant.name ? null : services.tenants.listRow(tenant.id);
    if (row) services.bus.publish('TenantUpdated', { tenant: tenantSummary(row, row.userCount) });
    return saved;
  },
};
