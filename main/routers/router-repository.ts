import type { Db } from '../store/database';
import type { SecretBox } from '../secrets/secret-box';
import type { RouterEncoding, RouterSummary } from './contract';

/** A router's stored settings as the renderer may see them (no password); live status is separate. */
export type RouterRecord = Omit<RouterSummary, 'status'>;

export interface RouterSettings {
  name: string;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  site: string;
  notes: string;
  encoding: RouterEncoding;
}

interface Row {
  id: number;
  tenant_id: number;
  name: string;
  host: string;
  port: number;
  tls: number;
  username: string;
  password_sealed: string;
  site: string;
  notes: string;
  encoding: string;
  created_at: string;
  updated_at: string;
}

const toRecord = (row: Row): RouterRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  host: row.host,
  port: row.port,
  tls: row.tls === 1,
  username: row.username,
  hasPassword: row.password_sealed !== '',
  site: row.site,
  notes: row.notes,
  encoding: row.encoding as RouterEncoding,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Routers in SQLite. Every read and write names its tenant (null = system admin, all tenants),
 * so a query can never cross tenants by accident.
 */
export class RouterRepository {
  constructor(
    private readonly db: Db,
    private readonly secrets: SecretBox,
  ) {}

  list(tenantId: number | null): RouterRecord[] {
    const rows =
      tenantId === null
        ? this.db.prepare<[], Row>('SELECT * FROM routers ORDER BY tenant_id, name').all()
        : this.db.prepare<[number], Row>('SELECT * FROM routers WHERE tenant_id = ? ORDER BY name').all(tenantId);
    return rows.map(toRecord);
  }

  get(tenantId: number | null, id: number): RouterRecord | null {
    const row = this.row(tenantId, id);
    return row ? toRecord(row) : null;
  }

  nameTaken(tenantId: number, name: string, exceptId?: number): boolean {
    return (
      this.db
        .prepare<[number, string, number], { id: number }>('SELECT id FROM routers WHERE tenant_id = ? AND name = ? COLLATE NOCASE AND id != ?')
        .get(tenantId, name, exceptId ?? -1) !== undefined
    );
  }

  add(tenantId: number, settings: RouterSettings, password: string, now: Date): RouterRecord {
    const stamp = now.toISOString();
    const result = this.db
      .prepare(
        `INSERT INTO routers (tenant_id, name, host, port, tls, username, password_sealed, site, notes, encoding, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(tenantId, settings.name, settings.host, settings.port, settings.tls ? 1 : 0, settings.username, this.seal(password), settings.site, settings.notes, settings.encoding, stamp, stamp);
    return this.get(tenantId, Number(result.lastInsertRowid))!;
  }

  update(tenantId: number | null, id: number, changes: Partial<RouterSettings>, password: string | undefined, now: Date): RouterRecord | null {
    const current = this.row(tenantId, id);
    if (!current) return null;
    const next = { ...toRecord(current), ...changes };
    this.db
      .prepare(
        `UPDATE routers SET name = ?, host = ?, port = ?, tls = ?, username = ?, password_sealed = ?, site = ?, notes = ?, encoding = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(next.name, next.host, next.port, next.tls ? 1 : 0, next.username, password === undefined ? current.password_sealed : this.seal(password), next.site, next.notes, next.encoding, now.toISOString(), id);
    return this.get(tenantId, id);
  }

  remove(tenantId: number | null, id: number): RouterRecord | null {
    const record = this.get(tenantId, id);
    if (record) this.db.prepare('DELETE FROM routers WHERE id = ?').run(id);
    return record;
  }

  /** The plain password, for the connection layer only; never for a reply or a log. */
  password(id: number): string {
    const row = this.db.prepare<[number], { password_sealed: string }>('SELECT password_sealed FROM routers WHERE id = ?').get(id);
    if (!row) throw new Error(`router ${id} does not exist`);
    return row.password_sealed === '' ? '' : this.secrets.open(row.password_sealed);
  }

  private row(tenantId: number | null, id: number): Row | undefined {
    return tenantId === null
      ? this.db.prepare<[number], Row>('SELECT * FROM routers WHERE id = ?').get(id)
      : this.db.prepare<[number, number], Row>('SELECT * FROM routers WHERE id = ? AND tenant_id = ?').get(id, tenantId);
  }

  private seal(password: string): string {
    return password === '' ? '' : this.secrets.seal(password);
  }
}
