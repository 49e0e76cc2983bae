import { DomainError } from '../contract/errors';
import { refusingDuplicates } from '../store/unique-conflict';
import type { RouterRepository } from './router-repository';
import { routerNameTaken, type RouterStore } from './router-store';

/**
 * A write that takes a router's name: refused when another router of the tenant has it whatever
 * its case (the table's own unique constraint, which catches a race, is case-sensitive).
 */
function takingName<T>(table: RouterRepository, tenantId: number, name: string, exceptId: number | undefined, write: () => T): T {
  const taken = routerNameTaken(name);
  if (table.nameTaken(tenantId, name, exceptId)) throw new DomainError('conflict', taken.message, taken.details);
  return refusingDuplicates(write, taken.message, taken.details);
}

/** Routers on the console's SQLite file (the routers table, passwords sealed with the host's SecretBox). */
export function sqliteRouterStore(table: RouterRepository): RouterStore {
  return {
    list: async (tenantId) => table.list(tenantId),
    get: async (tenantId, id) => table.get(tenantId, id),
    add: async (tenantId, settings, password, now) => takingName(table, tenantId, settings.name, undefined, () => table.add(tenantId, settings, password, now)),
    update: async (tenantId, id, changes, password, now) => {
      const write = () => table.update(tenantId, id, changes, password, now);
      if (changes.name === undefined) return write();
      // The name is the tenant's to check: a system admin's edit names no tenant.
      const current = table.get(tenantId, id);
      return current && takingName(table, current.tenantId, changes.name, id, write);
    },
    remove: async (tenantId, id) => table.remove(tenantId, id),
    password: async (id) => table.password(id),
    pinnedCertificate: async (id) => table.pinnedCertificate(id),
    pinCertificate: async (id, at, seen) => table.pinCertificate(id, at, seen),
    offerCertificate: async (id, seen) => table.offerCertificate(id, seen),
    acceptCertificate: async (tenantId, id, fingerprint) => table.acceptCertificate(tenantId, id, fingerprint),
    upgradeSecrets: async (log) => table.upgradeSecrets(log),
  };
}
