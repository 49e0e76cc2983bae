import type { TransactionHooks } from '../store/unit-of-work';
import type { AuditLog } from './audit-log';
import type { AuditStore } from './audit-store';

/** The audit store on the console's SQLite file; an entry is published once its transaction commits. */
export function sqliteAuditStore(log: AuditLog, hooks: TransactionHooks): AuditStore {
  return {
    record: async (input) => {
      const entry = log.record(input);
      hooks.afterCommit(() => log.publish(entry));
    },
    list: async (scope, options) => log.list(scope, options),
    deleteBefore: async (cutoff, limit) => log.deleteBefore(cutoff, limit),
  };
}
