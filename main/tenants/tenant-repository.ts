import { DomainError } from '../contract/errors';
import type { Db } from '../store/database';

export interface TenantRecord {
  id: number;
  name: string;
  status: 'active' | 'suspended';
  createdAt: number;
  createdBy: number | null;
}

export interface TenantListRow extends TenantRecord {
  userCount: number;
}

interface Row {
  id: number;
  name: string;
  status: 'active' | 'suspended';
  created_at: number;
  created_by: number | null;
}

const toRecord = (r: Row): TenantRecord => ({ id: r.id, name: r.name, status: r.status, createdAt: r.created_at, createdBy: r.created_by });

/** Trimmed, lower-cased, single-spaced: the identity of a tenant name. */
export const tenantNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The tenants table on SQLite, behind TenantStore (sqlite-tenant-store.ts): new code reaches it
 * through the account stores' unit of work. Callers open transactions; nothing here does.
 */
const LIST_ROW = 'SELECT t.*, (SELECT count(*) FROM users u WHERE u.tenant_id = t.id) AS user_count FROM tenants t';

export class TenantRepository {
  constructor(private readonly db: Db) {}

  get(id: number): TenantRecord | null {
    const row = this.db.prepare<[number], Row>('SELECT * FROM tenants WHERE id = ?').get(id);
    return row ? toRecord(row) : null;
  }

  /** The tenant a write names; one that does not exist is refused (`not_found`), so nothing is stored for no one. */
  require(id: number): TenantRecord {
    const tenant = this.get(id);
    if (!tenant) throw new DomainError('not_found', `Tenant ${id} does not exist.`);
    return tenant;
  }

  findByName(name: string): TenantRecord | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM tenants WHERE name_key = ?').get(tenantNameKey(name));
    return row ? toRecord(row) : null;
  }

  list(): TenantListRow[] {
    return this.db
      .prepare<[], Row & { user_count: number }>(`${LIST_ROW} ORDER BY t.name_key`)
      .all()
      .map((r) => ({ ...toRecord(r), userCount: r.user_count }));
  }

  listRow(id: number): TenantListRow | null {
    const row = this.db.prepare<[number], Row & { user_count: number }>(`${LIST_ROW} WHERE t.id = ?`).get(id);
    return row ? { ...toRecord(row), userCount: row.user_count } : null;
  }

  insert(name: string, createdBy: number | null, now: number): TenantRecord {
    const clean = name.trim().replace(/\s+/g, ' ');
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO tenants (name, name_key, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(clean, tenantNameKey(clean), now, createdBy);
    return this.get(Number(lastInsertRowid))!;
  }

  /** Renames a tenant (name and its key); false when no tenant has that id. */
  rename(id: number, name: string): boolean {
    const clean = name.trim().replace(/\s+/g, ' ');
    return this.db.prepare('UPDATE tenants SET name = ?, name_key = ? WHERE id = ?').run(clean, tenantNameKey(clean), id).changes === 1;
  }
}
