import { refusingDuplicates } from '../store/unique-conflict';
import type { SettingsStore } from '../system/settings-store';
import type { TenantRepository } from './tenant-repository';
import { readTenantSettings, writeTenantSettings } from './tenant-settings';
import type { TenantStore } from './tenant-store';

const taken = (name: string) => `a tenant named "${name.trim()}" already exists: choose another name`;

/** The tenant store on the console's SQLite file: the tenants table, and the settings store of the same unit of work. */
export function sqliteTenantStore(table: TenantRepository, settings: SettingsStore): TenantStore {
  return {
    get: async (id) => table.get(id),
    require: async (id) => table.require(id),
    findByName: async (name) => table.findByName(name),
    list: async () => table.list(),
    listRow: async (id) => table.listRow(id),
    insert: async (name, createdBy, now) => refusingDuplicates(() => table.insert(name, createdBy, now), taken(name)),
    rename: async (id, name) => refusingDuplicates(() => table.rename(id, name), taken(name)),
    settings: async (tenantId) => readTenantSettings(settings, table.require(tenantId)),
    saveSettings: async (tenantId, value, now) => writeTenantSettings(settings, tenantId, value, now),
  };
}
