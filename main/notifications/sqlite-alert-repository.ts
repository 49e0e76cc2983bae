import type { Db } from '../store/database';
import type { StaffRule } from './contract';
import type { AlertRepository, RouterEpisode, StaffNotice } from './notification-repository';

/** Router outages and grouping windows on SQLite. */
export class SqliteAlertRepository implements AlertRepository {
  constructor(private readonly db: Db) {}

  async episode(routerId: number): Promise<RouterEpisode | null> {
    const row = this.db
      .prepare<[number], { tenant_id: number; down_since: number; notified: number }>('SELECT tenant_id, down_since, notified FROM notification_router_episodes WHERE router_id = ?')
      .get(routerId);
    return row ? { routerId, tenantId: row.tenant_id, downSince: row.down_since, notified: row.notified === 1 } : null;
  }

  async startEpisode(tenantId: number, routerId: number, since: number): Promise<void> {
    this.db.prepare('INSERT INTO notification_router_episodes (router_id, tenant_id, down_since) VALUES (?, ?, ?) ON CONFLICT (router_id) DO NOTHING').run(routerId, tenantId, since);
  }

  async markNotified(routerId: number): Promise<void> {
    this.db.prepare('UPDATE notification_router_episodes SET notified = 1 WHERE router_id = ?').run(routerId);
  }

  async endEpisode(routerId: number): Promise<void> {
    this.db.prepare('DELETE FROM notification_router_episodes WHERE router_id = ?').run(routerId);
  }

  async openGroup(tenantId: number, rule: StaffRule): Promise<{ id: number; flushAt: number } | null> {
    const row = this.db.prepare<[number, string], { id: number; flush_at: number }>('SELECT id, flush_at FROM notification_groups WHERE tenant_id = ? AND rule = ? AND open = 1').get(tenantId, rule);
    return row ? { id: row.id, flushAt: row.flush_at } : null;
  }

  async createGroup(tenantId: number, rule: StaffRule, flushAt: number): Promise<number> {
    return Number(this.db.prepare('INSERT INTO notification_groups (tenant_id, rule, flush_at) VALUES (?, ?, ?)').run(tenantId, rule, flushAt).lastInsertRowid);
  }

  async addToGroup(groupId: number, notice: StaffNotice): Promise<boolean> {
    return this.db.prepare('INSERT INTO notification_group_items (group_id, key, notice) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(groupId, notice.key, JSON.stringify(notice)).changes > 0;
  }

  async closeGroup(groupId: number): Promise<{ tenantId: number; rule: StaffRule; notices: StaffNotice[] } | null> {
    const group = this.db.prepare<[number], { tenant_id: number; rule: StaffRule; open: number }>('SELECT tenant_id, rule, open FROM notification_groups WHERE id = ?').get(groupId);
    if (!group || group.open === 0) return null;
    const notices = this.db
      .prepare<[number], { notice: string }>('SELECT notice FROM notification_group_items WHERE group_id = ? ORDER BY rowid')
      .all(groupId)
      .map((r) => JSON.parse(r.notice) as StaffNotice);
    // A closed window is gone: a replayed flush finds nothing to send.
    this.db.prepare('DELETE FROM notification_group_items WHERE group_id = ?').run(groupId);
    this.db.prepare('DELETE FROM notification_groups WHERE id = ?').run(groupId);
    return { tenantId: group.tenant_id, rule: group.rule, notices };
  }
}
