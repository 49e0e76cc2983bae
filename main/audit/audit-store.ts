import type { AuditInput, AuditScope } from './audit-log';
import type { AuditEntry } from './contract';

/** A person's change is audited in the transaction that makes it; the entry goes live after the commit. */
export interface AuditTrail {
  record(entry: AuditInput): Promise<void>;
}

/** The audit log as a unit of work hands it out: written with a change, read newest first. */
export interface AuditStore extends AuditTrail {
  /** Newest first; `beforeId` pages back. A tenant's scope never sees another tenant's entries. */
  list(scope: AuditScope, options: { beforeId?: number; limit: number }): Promise<AuditEntry[]>;
  /** Retention: deletes up to `limit` entries written before `cutoff`, oldest first; returns how many. */
  deleteBefore(cutoff: number, limit: number): Promise<number>;
}
