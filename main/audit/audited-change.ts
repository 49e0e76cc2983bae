import type { AccountsStore, AccountsTx } from '../accounts/accounts-tx';
import type { SessionUser } from '../auth/session';
import type { AuditInput } from './audit-log';

/** What an audited change says about itself once it has happened. */
export type AuditOf<T> = (result: T) => Omit<AuditInput, 'at' | 'actor'>;

/**
 * A person's change and its audit entry in one unit of work: a change whose entry cannot be written
 * does not happen, and a rolled-back change leaves no entry. The entry goes live after the commit.
 * The change writes through the transaction's stores (a job it enqueues commits with it); a domain
 * not yet on the storage seam writes its own table synchronously, which joins the transaction.
 */
export function auditedChange<T>(
  services: { accounts: AccountsStore },
  actor: SessionUser | null,
  change: (tx: AccountsTx) => T | Promise<T>,
  auditOf: AuditOf<T>,
): Promise<T> {
  return services.accounts.run(async (tx) => {
    const result = await change(tx);
    await tx.audit.record({ at: Date.now(), actor, ...auditOf(result) });
    return result;
  });
}
