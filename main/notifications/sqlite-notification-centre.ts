import type { Db } from '../store/database';
import type { NotificationSeverity, NotificationSubject, NotificationSummary, StaffRule } from './contract';
import type { NotificationCentreRepository, StaffNotice } from './notification-repository';

interface Row {
  id: number;
  tenant_id: number;
  rule: StaffRule;
  severity: NotificationSeverity;
  title: string;
  body: string;
  subject_type: NotificationSubject['type'] | null;
  subject_id: number | null;
  subject_label: string | null;
  count: number;
  desktop: number;
  created_at: number;
  read?: number;
}

const toSummary = (r: Row): NotificationSummary => ({
  id: r.id,
  tenantId: r.tenant_id,
  rule: r.rule,
  severity: r.severity,
  title: r.title,
  body: r.body,
  subject: r.subject_type === null ? null : { type: r.subject_type, id: r.subject_id ?? 0, label: r.subject_label ?? '' },
  count: r.count,
  desktop: r.desktop === 1,
  createdAt: new Date(r.created_at).toISOString(),
  read: r.read === 1,
});

/**
 * A user's read state is a watermark per scope (everything up to an id: "mark all read") plus
 * single marks above it, so "all read" is one row however many notifications there are. Scope 0
 * is a system admin's all-tenants view; its watermark counts in every tenant.
 */
const READ = `(EXISTS (SELECT 1 FROM notification_read_marks m WHERE m.user_id = @userId AND m.notification_id = n.id)
  OR n.id <= COALESCE((SELECT MAX(u.up_to) FROM notification_read_upto u WHERE u.user_id = @userId AND u.tenant_id IN (0, n.tenant_id)), 0))`;
const SCOPE = '(@tenantId IS NULL OR n.tenant_id = @tenantId)';

/** The staff notification centre on SQLite. */
export class SqliteNotificationCentre implements NotificationCentreRepository {
  constructor(private readonly db: Db) {}

  async insert(notice: StaffNotice & { desktop: boolean }, now: number): Promise<{ notification: Omit<NotificationSummary, 'read'>; created: boolean }> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO notifications (tenant_id, key, rule, severity, title, body, subject_type, subject_id, subject_label, count, desktop, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, key) DO NOTHING`,
      )
      .run(notice.tenantId, notice.key, notice.rule, notice.severity, notice.title, notice.body, notice.subject?.type ?? null, notice.subject?.id ?? null, notice.subject?.label ?? null, notice.count ?? 1, notice.desktop ? 1 : 0, now);
    const row = this.db.prepare<[number, string], Row>('SELECT * FROM notifications WHERE tenant_id = ? AND key = ?').get(notice.tenantId, notice.key)!;
    const { read: _read, ...notification } = toSummary(row);
    return { notification, created: changes > 0 };
  }

  async list(tenantId: number | null, userId: number, filter: { unreadOnly: boolean; before?: number; limit: number }): Promise<NotificationSummary[]> {
    const rows = this.db
      .prepare<Record<string, unknown>, Row>(
        `SELECT n.*, ${READ} AS read FROM notifications n
         WHERE ${SCOPE} AND (@before IS NULL OR n.id < @before) ${filter.unreadOnly ? `AND NOT ${READ}` : ''}
         ORDER BY n.id DESC LIMIT @limit`,
      )
      .all({ tenantId, userId, before: filter.before ?? null, limit: filter.limit });
    return rows.map(toSummary);
  }

  async unread(tenantId: number | null, userId: number): Promise<number> {
    // Only notifications above the user's lowest watermark can be unread: the index walks those.
    const floor = this.db
      .prepare<Record<string, unknown>, { floor: number | null }>(
        'SELECT MAX(up_to) AS floor FROM notification_read_upto WHERE user_id = @userId AND (tenant_id = 0 OR tenant_id = @tenantId)',
      )
      .get({ userId, tenantId: tenantId ?? 0 })!.floor;
    return this.db
      .prepare<Record<string, unknown>, { n: number }>(`SELECT COUNT(*) AS n FROM notifications n WHERE ${SCOPE} AND n.id > @floor AND NOT ${READ}`)
      .get({ tenantId, userId, floor: floor ?? 0 })!.n;
  }

  async markRead(tenantId: number | null, userId: number, ids: readonly number[]): Promise<number[]> {
    const own = this.db.prepare<Record<string, unknown>, { id: number }>(`SELECT n.id FROM notifications n WHERE n.id = @id AND ${SCOPE}`);
    const mark = this.db.prepare('INSERT INTO notification_read_marks (user_id, notification_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
    const marked: number[] = [];
    for (const id of new Set(ids)) {
      if (!own.get({ id, tenantId })) continue;
      mark.run(userId, id);
      marked.push(id);
    }
    return marked;
  }

  async prune(before: number): Promise<number> {
    return this.db.prepare('DELETE FROM notifications WHERE created_at < ?').run(before).changes;
  }

  async markAllRead(tenantId: number | null, userId: number): Promise<void> {
    const newest = this.db.prepare<Record<string, unknown>, { id: number | null }>(`SELECT MAX(n.id) AS id FROM notifications n WHERE ${SCOPE}`).get({ tenantId })!.id;
    if (newest === null) return;
    this.db
      .prepare('INSERT INTO notification_read_upto (user_id, tenant_id, up_to) VALUES (?, ?, ?) ON CONFLICT (user_id, tenant_id) DO UPDATE SET up_to = MAX(up_to, excluded.up_to)')
      .run(userId, tenantId ?? 0, newest);
    // Single marks below the watermark say nothing any more.
    this.db
      .prepare(`DELETE FROM notification_read_marks WHERE user_id = @userId AND notification_id IN (SELECT n.id FROM notifications n WHERE n.id <= @newest AND ${SCOPE})`)
      .run({ userId, newest, tenantId });
  }
}
