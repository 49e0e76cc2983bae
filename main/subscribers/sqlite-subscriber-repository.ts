import { DomainError } from '../contract/errors';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import type { PlanKind } from '../plans/contract';
import type { AccessChange, SubscriberHistoryEntry, SubscriberHistoryKind, SubscriberStatus } from './contract';
import type { DueCursor, DueSubscriber, NewSubscriber, SubscriberFilter, SubscriberRecord, SubscriberRepository } from './subscriber-repository';

interface Row {
  id: number;
  tenant_id: number;
  kind: PlanKind;
  name: string;
  phone: string | null;
  email: string | null;
  username: string;
  password_sealed: string;
  plan_id: number;
  status: SubscriberStatus;
  valid_until: number | null;
  mac_lock: string | null;
  access_change: AccessChange | null;
  reminded_offset: number | null;
  last_seen_at: number | null;
  created_at: number;
  updated_at: number;
  router_ids: string | null;
}

const SELECT = `SELECT s.*, (SELECT group_concat(router_id) FROM subscriber_routers r WHERE r.subscriber_id = s.id) AS router_ids FROM subscribers s`;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toRecord = (r: Row): SubscriberRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  kind: r.kind,
  name: r.name,
  phone: r.phone,
  email: r.email,
  username: r.username,
  planId: r.plan_id,
  status: r.status,
  validUntil: iso(r.valid_until),
  macLock: r.mac_lock,
  accessChange: r.access_change,
  routerIds: r.router_ids ? r.router_ids.split(',').map(Number).sort((a, b) => a - b) : [],
  lastSeenAt: iso(r.last_seen_at),
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

interface DueRow {
  id: number;
  tenant_id: number;
  plan_id: number;
  valid_until: number;
  reminded_offset: number | null;
}
const DUE_SELECT = 'SELECT id, tenant_id, plan_id, valid_until, reminded_offset FROM subscribers';
const toDue = (r: DueRow): DueSubscriber => ({ id: r.id, tenantId: r.tenant_id, planId: r.plan_id, validUntil: r.valid_until, remindedOffset: r.reminded_offset });

/** LIKE with the user's text taken literally. */
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SqliteSubscriberRepository implements SubscriberRepository {
  private readonly sql: ReturnType<typeof preparedStatements>;

  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {
    this.sql = preparedStatements(db);
  }

  async list(tenantId: number | null, filter: SubscriberFilter): Promise<{ rows: SubscriberRecord[]; total: number }> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (tenantId !== null) {
      where.push('s.tenant_id = ?');
      args.push(tenantId);
    }
    if (filter.status) {
      where.push('s.status = ?');
      args.push(filter.status);
    }
    if (filter.planId) {
      where.push('s.plan_id = ?');
      args.push(filter.planId);
    }
    if (filter.routerId) {
      where.push('s.id IN (SELECT subscriber_id FROM subscriber_routers WHERE router_id = ?)');
      args.push(filter.routerId);
    }
    if (filter.search) {
      // Phone numbers are matched on their digits only when the search looks like one (not a MAC).
      const digits = /^[0-9 +()-]+$/.test(filter.search) ? filter.search.replace(/[^0-9]/g, '') : '';
      where.push(
        `(lower(s.name) LIKE ? ESCAPE '\\' OR lower(s.username) LIKE ? ESCAPE '\\' OR lower(coalesce(s.mac_lock, '')) LIKE ? ESCAPE '\\'${digits.length >= 3 ? " OR replace(replace(replace(coalesce(s.phone, ''), ' ', ''), '-', ''), '+', '') LIKE ?" : ''})`,
      );
      const pattern = like(filter.search);
      args.push(pattern, pattern, pattern);
      if (digits.length >= 3) args.push(`%${digits}%`);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = this.sql<unknown[], { n: number }>(`SELECT count(*) AS n FROM subscribers s${clause}`).get(...args)!.n;
    const rows = this.sql<unknown[], Row>(`${SELECT}${clause} ORDER BY s.name COLLATE NOCASE, s.id LIMIT ?`).all(...args, filter.limit);
    return { rows: rows.map(toRecord), total };
  }

  async get(tenantId: number | null, id: number): Promise<SubscriberRecord | null> {
    const row = this.sql<[number], Row>(`${SELECT} WHERE s.id = ?`).get(id);
    return row && (tenantId === null || row.tenant_id === tenantId) ? toRecord(row) : null;
  }

  async byUsername(tenantId: number, username: string): Promise<SubscriberRecord | null> {
    const row = this.sql<[number, string], Row>(`${SELECT} WHERE s.tenant_id = ? AND s.username_key = ?`).get(tenantId, username.trim().toLowerCase());
    return row ? toRecord(row) : null;
  }

  async idsByUsername(tenantId: number, usernames: readonly string[]): Promise<Map<string, { id: number; kind: PlanKind }>> {
    const out = new Map<string, { id: number; kind: PlanKind }>();
    const keys = [...new Set(usernames.map((u) => u.trim().toLowerCase()))];
    for (let i = 0; i < keys.length; i += 500) {
      const part = keys.slice(i, i + 500);
      // Not kept: one statement per list length.
      const rows = this.db.prepare<unknown[], { id: number; kind: PlanKind; username_key: string }>(`SELECT id, kind, username_key FROM subscribers WHERE tenant_id = ? AND username_key IN (${part.map(() => '?').join(',')})`)
        .all(tenantId, ...part);
      for (const row of rows) out.set(row.username_key, { id: row.id, kind: row.kind });
    }
    return out;
  }

  async insert(s: NewSubscriber, now: number): Promise<SubscriberRecord> {
    if (await this.byUsername(s.tenantId, s.username)) throw usernameTaken(s.username);
    const { lastInsertRowid } = this.sql(
        `INSERT INTO subscribers (tenant_id, kind, name, phone, email, username, username_key, password_sealed, plan_id, status, valid_until, mac_lock, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.tenantId, s.kind, s.name, s.phone, s.email, s.username, s.username.trim().toLowerCase(), this.secrets.seal(s.password), s.planId, s.status, s.validUntil, s.macLock, now, now);
    const id = Number(lastInsertRowid);
    this.setRouters(id, s.routerIds);
    return (await this.get(null, id))!;
  }

  async update(id: number, changes: Partial<Omit<NewSubscriber, 'tenantId' | 'kind'>>, now: number): Promise<SubscriberRecord> {
    const row = this.sql<[number], Row>(`${SELECT} WHERE s.id = ?`).get(id);
    if (!row) throw new DomainError('not_found', `Subscriber ${id} does not exist.`);
    const current = toRecord(row);
    if (changes.username !== undefined && changes.username.trim().toLowerCase() !== row.username.toLowerCase()) {
      if (await this.byUsername(row.tenant_id, changes.username)) throw usernameTaken(changes.username);
    }
    const next = { ...current, ...changes };
    const validUntil = changes.validUntil !== undefined ? changes.validUntil : row.valid_until;
    this.sql(
        `UPDATE subscribers SET name = ?, phone = ?, email = ?, username = ?, username_key = ?, password_sealed = ?, plan_id = ?, status = ?, valid_until = ?, mac_lock = ?,
           reminded_offset = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        next.name,
        next.phone,
        next.email,
        next.username,
        next.username.trim().toLowerCase(),
        changes.password !== undefined ? this.secrets.seal(changes.password) : row.password_sealed,
        next.planId,
        next.status,
        validUntil,
        next.macLock,
        validUntil === row.valid_until ? row.reminded_offset : null,
        now,
        id,
      );
    if (changes.routerIds) this.setRouters(id, changes.routerIds);
    return (await this.get(null, id))!;
  }

  async delete(id: number): Promise<void> {
    this.sql('DELETE FROM subscribers WHERE id = ?').run(id);
  }

  async setAccessChange(id: number, change: AccessChange | null, now: number): Promise<void> {
    this.sql('UPDATE subscribers SET access_change = ?, updated_at = ? WHERE id = ?').run(change, now, id);
  }

  async setReminded(id: number, offsetSeconds: number): Promise<void> {
    this.sql('UPDATE subscribers SET reminded_offset = ? WHERE id = ?').run(offsetSeconds, id);
  }

  // Both page along the (status, valid_until) index, whose order is (valid_until, id): a page
  // starts where the last one ended instead of sorting the whole range again.
  async due(now: number, after: DueCursor | null, limit: number): Promise<DueSubscriber[]> {
    return this.page(`status = 'active' AND valid_until <= ?`, [now], after, limit);
  }

  async expiringBetween(from: number, to: number, remindedAbove: number, after: DueCursor | null, limit: number): Promise<DueSubscriber[]> {
    return this.page(`status = 'active' AND valid_until > ? AND valid_until <= ? AND (reminded_offset IS NULL OR reminded_offset > ?)`, [from, to, remindedAbove], after, limit);
  }

  private page(where: string, args: unknown[], after: DueCursor | null, limit: number): DueSubscriber[] {
    const cursor = after ? ' AND (valid_until > ? OR (valid_until = ? AND id > ?))' : '';
    return this.sql<unknown[], DueRow>(`${DUE_SELECT} INDEXED BY subscribers_due WHERE ${where}${cursor} ORDER BY valid_until, id LIMIT ?`)
      .all(...args, ...(after ? [after.validUntil, after.validUntil, after.id] : []), limit)
      .map(toDue);
  }

  async stalledAccessChanges(before: number, limit: number): Promise<Array<{ id: number; tenantId: number }>> {
    return this.sql<[number, number], { id: number; tenant_id: number }>(
      `SELECT s.id, s.tenant_id FROM subscribers s WHERE s.access_change IS NOT NULL AND s.updated_at < ?
         AND NOT EXISTS (SELECT 1 FROM provisioning_states p WHERE p.item_kind = 'subscriber' AND p.item_id = s.id AND p.state = 'pending') LIMIT ?`,
    )
      .all(before, limit)
      .map((r) => ({ id: r.id, tenantId: r.tenant_id }));
  }

  async withAccessChange(routerId: number | null): Promise<Array<{ id: number; tenantId: number }>> {
    const rows =
      routerId === null
        ? this.sql<[], { id: number; tenant_id: number }>('SELECT id, tenant_id FROM subscribers WHERE access_change IS NOT NULL').all()
        : this.sql<[number], { id: number; tenant_id: number }>(
              'SELECT id, tenant_id FROM subscribers WHERE access_change IS NOT NULL AND id IN (SELECT subscriber_id FROM subscriber_routers WHERE router_id = ?)',
            )
            .all(routerId);
    return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
  }

  async password(id: number): Promise<string> {
    const row = this.sql<[number], { password_sealed: string }>('SELECT password_sealed FROM subscribers WHERE id = ?').get(id);
    if (!row) throw new DomainError('not_found', `Subscriber ${id} does not exist.`);
    return this.secrets.open(row.password_sealed);
  }

  async markSeen(id: number, at: number): Promise<void> {
    this.sql('UPDATE subscribers SET last_seen_at = max(coalesce(last_seen_at, 0), ?) WHERE id = ?').run(at, id);
  }

  async onRouter(routerId: number): Promise<SubscriberRecord[]> {
    return this.sql<[number], Row>(`${SELECT} WHERE s.id IN (SELECT subscriber_id FROM subscriber_routers WHERE router_id = ?)`).all(routerId).map(toRecord);
  }

  async addHistory(tenantId: number, subscriberId: number, kind: SubscriberHistoryKind, text: string, routerId: number | null, at: number): Promise<void> {
    this.sql('INSERT INTO subscriber_history (tenant_id, subscriber_id, at, kind, text, router_id) VALUES (?, ?, ?, ?, ?, ?)').run(tenantId, subscriberId, at, kind, text, routerId);
  }

  async history(id: number, limit: number): Promise<SubscriberHistoryEntry[]> {
    return this.sql<[number, number], { id: number; at: number; kind: SubscriberHistoryKind; text: string; router_id: number | null }>(
        'SELECT id, at, kind, text, router_id FROM subscriber_history WHERE subscriber_id = ? ORDER BY id DESC LIMIT ?',
      )
      .all(id, limit)
      .map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), kind: r.kind, text: r.text, routerId: r.router_id }));
  }

  private setRouters(id: number, routerIds: readonly number[]): void {
    this.sql('DELETE FROM subscriber_routers WHERE subscriber_id = ?').run(id);
    const insert = this.sql('INSERT INTO subscriber_routers (subscriber_id, router_id) VALUES (?, ?)');
    for (const routerId of new Set(routerIds)) insert.run(id, routerId);
  }
}

const usernameTaken = (username: string) =>
  new DomainError('conflict', `The login name '${username}' is taken in this tenant (by a subscriber or a voucher): choose another.`, {
    fields: { username: 'taken by another subscriber or a voucher' },
  });
