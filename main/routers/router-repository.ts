import type { Db } from '../store/database';
import type { Logger } from '../core/logger';
import { SecretBoxError, type SecretBox } from '../secrets/secret-box';
import { changedEndpointFields, type RouterEncoding, type RouterTlsMode } from './contract';
import type { PeerCertificate } from './client/peer-certificate';
import { unreadablePasswordMessage, type RouterRecord, type RouterSettings } from './router-store';

interface Row {
  id: number;
  tenant_id: number;
  name: string;
  host: string;
  port: number;
  tls_mode: string;
  tls_ca: string;
  tls_pinned_cert: string | null;
  tls_fingerprint: string | null;
  tls_offered_cert: string | null;
  tls_offered_fingerprint: string | null;
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
  tls: row.tls_mode as RouterTlsMode,
  tlsCa: row.tls_ca,
  tlsFingerprint: row.tls_fingerprint,
  tlsOfferedFingerprint: row.tls_offered_fingerprint,
  username: row.username,
  hasPassword: row.password_sealed !== '',
  site: row.site,
  notes: row.notes,
  encoding: row.encoding as RouterEncoding,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Routers in SQLite: the table behind sqlite-router-store.ts (domain code goes through the
 * RouterStore of the accounts unit of work). Every read and write names its tenant (null =
 * system admin, all tenants), so a query can never cross tenants by accident.
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
        `INSERT INTO routers (tenant_id, name, host, port, tls_mode, tls_ca, username, password_sealed, site, notes, encoding, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(tenantId, settings.name, settings.host, settings.port, settings.tls, settings.tlsCa ?? '', settings.username, this.seal(password), settings.site, settings.notes, settings.encoding, stamp, stamp);
    return this.get(tenantId, Number(result.lastInsertRowid))!;
  }

  /**
   * Applies `changes`; `password` undefined keeps the stored one, except when the endpoint
   * changes: then it is dropped (the handler refuses such updates first; this is the backstop),
   * so stored credentials never go to an address they were not entered for. A new address,
   * port or TLS mode also forgets the pinned certificate: it is another certificate.
   */
  update(tenantId: number | null, id: number, changes: Partial<RouterSettings>, password: string | undefined, now: Date): RouterRecord | null {
    const current = this.row(tenantId, id);
    if (!current) return null;
    const before = toRecord(current);
    const next = { ...before, ...changes };
    const moved = changedEndpointFields(before, changes).length > 0;
    const sealed = password !== undefined ? this.seal(password) : moved ? '' : current.password_sealed;
    const repin = next.host !== before.host || next.port !== before.port || next.tls !== before.tls;
    this.db
      .prepare(
        `UPDATE routers SET name = ?, host = ?, port = ?, tls_mode = ?, tls_ca = ?, username = ?, password_sealed = ?, site = ?, notes = ?, encoding = ?, updated_at = ?,
           tls_pinned_cert = CASE WHEN ? THEN NULL ELSE tls_pinned_cert END, tls_fingerprint = CASE WHEN ? THEN NULL ELSE tls_fingerprint END,
           tls_offered_cert = CASE WHEN ? THEN NULL ELSE tls_offered_cert END, tls_offered_fingerprint = CASE WHEN ? THEN NULL ELSE tls_offered_fingerprint END
         WHERE id = ?`,
      )
      .run(next.name, next.host, next.port, next.tls, next.tlsCa, next.username, sealed, next.site, next.notes, next.encoding, now.toISOString(), ...Array<number>(4).fill(repin ? 1 : 0), id);
    return this.get(tenantId, id);
  }

  remove(tenantId: number | null, id: number): RouterRecord | null {
    const record = this.get(tenantId, id);
    if (record) this.db.prepare('DELETE FROM routers WHERE id = ?').run(id);
    return record;
  }

  /**
   * The plain password, for the connection layer only; never for a reply or a log. Throws a
   * SecretBoxError naming the router when it cannot be decrypted here.
   */
  password(id: number): string {
    const row = this.db.prepare<[number], { name: string; password_sealed: string }>('SELECT name, password_sealed FROM routers WHERE id = ?').get(id);
    if (!row) throw new Error(`router ${id} does not exist`);
    if (row.password_sealed === '') return '';
    try {
      return this.secrets.open(row.password_sealed);
    } catch (error) {
      throw new SecretBoxError(unreadablePasswordMessage(row.name, (error as Error).message));
    }
  }

  /** The pinned certificate (PEM) a `pin` router's connection must present; null before first connect. */
  pinnedCertificate(id: number): string | null {
    return this.db.prepare<[number], { pem: string | null }>('SELECT tls_pinned_cert AS pem FROM routers WHERE id = ?').get(id)?.pem ?? null;
  }

  /**
   * Trust on first use: pins `seen` if the router is still in `pin` mode at the address it was
   * read from and has no pin yet. Returns the record when it pinned.
   */
  pinCertificate(id: number, at: { host: string; port: number }, seen: PeerCertificate): RouterRecord | null {
    const { changes } = this.db
      .prepare(
        `UPDATE routers SET tls_pinned_cert = ?, tls_fingerprint = ?, tls_offered_cert = NULL, tls_offered_fingerprint = NULL
         WHERE id = ? AND tls_mode = 'pin' AND tls_pinned_cert IS NULL AND host = ? AND port = ?`,
      )
      .run(seen.pem, seen.fingerprint, id, at.host, at.port);
    return changes > 0 ? this.get(null, id) : null;
  }

  /** Records the other certificate a pinned router now presents; returns the record when that is news. */
  offerCertificate(id: number, seen: PeerCertificate): RouterRecord | null {
    const { changes } = this.db
      .prepare(
        `UPDATE routers SET tls_offered_cert = @pem, tls_offered_fingerprint = @fingerprint
         WHERE id = @id AND tls_mode = 'pin' AND tls_fingerprint IS NOT NULL AND tls_fingerprint != @fingerprint AND tls_offered_fingerprint IS NOT @fingerprint`,
      )
      .run({ id, pem: seen.pem, fingerprint: seen.fingerprint });
    return changes > 0 ? this.get(null, id) : null;
  }

  /** Makes the offered certificate the pinned one, if `fingerprint` is the one offered. */
  acceptCertificate(tenantId: number | null, id: number, fingerprint: string): RouterRecord | null {
    const row = this.row(tenantId, id);
    if (!row || row.tls_offered_fingerprint !== fingerprint) return null;
    this.db
      .prepare(
        `UPDATE routers SET tls_pinned_cert = tls_offered_cert, tls_fingerprint = tls_offered_fingerprint, tls_offered_cert = NULL, tls_offered_fingerprint = NULL
         WHERE id = ? AND tls_offered_fingerprint = ?`,
      )
      .run(id, fingerprint);
    return this.get(tenantId, id);
  }

  /**
   * Start-up migration of stored passwords: values in an older format (sealed by an earlier
   * scheme) are sealed again under the data key; values that cannot be read here are logged
   * with their router, which then shows why it cannot connect. Returns what it found.
   */
  upgradeSecrets(log: Logger): { resealed: number; unreadable: number } {
    const rows = this.db.prepare<[], Pick<Row, 'id' | 'tenant_id' | 'name' | 'password_sealed'>>("SELECT id, tenant_id, name, password_sealed FROM routers WHERE password_sealed != ''").all();
    const write = this.db.prepare('UPDATE routers SET password_sealed = ? WHERE id = ? AND password_sealed = ?');
    let resealed = 0;
    let unreadable = 0;
    for (const row of rows) {
      try {
        const plain = this.secrets.open(row.password_sealed);
        if (this.secrets.isCurrent(row.password_sealed)) continue;
        write.run(this.secrets.seal(plain), row.id, row.password_sealed);
        resealed++;
      } catch (error) {
        unreadable++;
        log.warn('router password unreadable', { tenantId: row.tenant_id, routerId: row.id, error: unreadablePasswordMessage(row.name, (error as Error).message) });
      }
    }
    if (resealed > 0) log.info('router passwords sealed again under the data key', { count: resealed });
    return { resealed, unreadable };
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
