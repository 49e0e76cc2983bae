import type { SessionUser } from '../auth/session';
import type { CoreServices } from '../core/services';
import type { AuditInput } from './audit-log';

/** What an audited change says about itself once it has happened. */
export type AuditOf<T> = (result: T) => Omit<AuditInput, 'at' | 'actor'>;

/**
 * A person's change and its audit entry in one transaction: a change whose entry cannot be written
 * does not happen, and a rolled-back change leaves no entry. The entry goes live after the commit.
 */
export function auditedChange<T>(services: Pick<CoreServices, 'db' | 'audit'>, actor: SessionUser | null, change: () => T, auditOf: AuditOf<T>): T {
  const { result, entry } = services.db.transaction(() => {
    const result = change();
    return { result, entry: services.audit.record({ at: Date.now(), actor, ...auditOf(result) }) };
  })();
  services.audit.publish(entry);
  return result;
}
