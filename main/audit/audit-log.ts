import type { EventBus } from '../events/event-bus';
import type { Db } from '../store/database';
import type { AuditAction, AuditEntry, AuditTargetType } from './contract';

export interface AuditInput {
  at: number;
  tenantId: number | null;
  actor: { id: number; username: string } | null;
  action: AuditAction;
  target?: { type: AuditTargetType; id: number | null; label: string };
  details?: Record<string, unknown>;
}

interface Row {
  id: number;
  at: number;
  tenant_id: number | null;
  actor_user_id: number | null;
  actor_username: string | null;
  action: AuditAction;
  target_type: AuditEntry['targetType'];
  target_id: number | null;
  target_label: string | null;
  details: string | null;
}

const toEntry = (r: Row): AuditEntry => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  tenantId: r.tenant_id,
  actorUserId: r.actor_user_id,
  actorUsername: r.actor_username,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  targetLabel: r.target_label,
  details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
});

/** Which entries a reader may see: one tenant's, the system-level ones (null), or all. */
export type AuditScope = { tenantId: number | null } | 'all';

/**
 * The audit log's SQLite table, behind AuditStore (sqlite-audit-store.ts, which publishes after
 * commit): new code records through a unit of work. Here `record` writes inside the caller's
 * transaction and returns the entry; the caller publishes it (`publish`) after commit, so a
 * rolled-back change never shows up live.
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
  ) {}

  record(input: AuditInput): AuditEntry {
    const { lastInsertRowid } = this.db
      .prepare(
        `INSERT INTO audit_log (at, tenant_id, actor_user_id, actor_username, action, target_type, target_id, target_label, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.at,
        input.tenantId,
        input.actor?.id ?? null,
        input.actor?.username ?? null,
        input.action,
        input.target?.type ?? null,
        input.target?.id ?? null,
        input.target?.label ?? null,
        input.details ? JSON.stringify(input.details) : null,
      );
    return toEntry(this.db.prepare<[number], Row>('SELECT * FROM audit_log WHERE id = ?').get(Number(lastInsertRowid))!);
  }

  publish(entries: AuditEntry | readonly AuditEntry[]): void {
    for (const entry of Array.isArray(entries) ? entries : [entries as AuditEntry]) {
      this.bus.publish('AuditRecorded', entry, entry.tenantId ?? undefined);
    }
  }

  /** Retention: deletes up to `limit` entries written before `cutoff`, oldest first; returns how many. */
  deleteBefore(cutoff: number, limit: number): number {
    return this.db.prepare('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ? ORDER BY at LIMIT ?)').run(cutoff, limit).changes;
  }

  list(scope: AuditScope, options: { beforeId?: number; limit: number }): AuditEntry[] {
    const where = ['id < @beforeId'];
    if (scope !== 'all') where.push(scope.tenantId === null ? 'tenant_id IS NULL' : 'tenant_id = @tenantId');
    return this.db
      .prepare<[Record<string, unknown>], Row>(`SELECT * FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT @limit`)
      .all({ beforeId: options.beforeId ?? Number.MAX_SAFE_INTEGER, limit: options.limit, ...(scope !== 'all' && scope.tenantId !== null ? { tenantId: scope.tenantId } : {}) })
      .map(toEntry);
  }
}
