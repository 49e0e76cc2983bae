import type { RouterRepository } from './router-repository';
import type { RouterStore } from './router-store';

/** Routers on the console's SQLite file (the routers table, passwords sealed with the host's SecretBox). */
export function sqliteRouterStore(table: RouterRepository): RouterStore {
  return {
    list: async (tenantId) => table.list(tenantId),
    get: async (tenantId, id) => table.get(tenantId, id),
    nameTaken: async (tenantId, name, exceptId) => table.nameTaken(tenantId, name, exceptId),
    add: async (tenantId, settings, password, now) => table.add(tenantId, settings, password, now),
    update: async (tenantId, id, changes, password, now) => table.update(tenantId, id, changes, password, now),
    remove: async (tenantId, id) => table.remove(tenantId, id),
    password: async (id) => table.password(id),
    pinnedCertificate: async (id) => table.pinnedCertificate(id),
    pinCertificate: async (id, at, seen) => table.pinCertificate(id, at, seen),
    offerCertificate: async (id, seen) => table.offerCertificate(id, seen),
    acceptCertificate: async (tenantId, id, fingerprint) => table.acceptCertificate(tenantId, id, fingerprint),
    upgradeSecrets: async (log) => table.upgradeSecrets(log),
  };
}
