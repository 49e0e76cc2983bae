import type { Db } from '../store/database';
import { loginKey, type LoginNameRepository } from './login-name-repository';

const CHUNK = 500;

export class SqliteLoginNames implements LoginNameRepository {
  constructor(private readonly db: Db) {}

  async reserve(tenantId: number, names: readonly string[], owner: 'subscriber' | 'voucher'): Promise<string[]> {
    const taken = await this.taken(tenantId, names);
    if (taken.length > 0) return taken;
    const insert = this.db.prepare('INSERT INTO login_names (tenant_id, name_key, owner) VALUES (?, ?, ?)');
    for (const name of names) insert.run(tenantId, loginKey(name), owner);
    return [];
  }

  async release(tenantId: number, name: string): Promise<void> {
    this.db.prepare("DELETE FROM login_names WHERE tenant_id = ? AND name_key = ? AND owner = 'subscriber'").run(tenantId, loginKey(name));
  }

  async taken(tenantId: number, names: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    const byKey = new Map(names.map((n) => [loginKey(n), n]));
    const keys = [...byKey.keys()];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const part = keys.slice(i, i + CHUNK);
      const rows = this.db
        .prepare<unknown[], { name_key: string }>(`SELECT name_key FROM login_names WHERE tenant_id = ? AND name_key IN (${part.map(() => '?').join(',')})`)
        .all(tenantId, ...part);
      for (const row of rows) out.push(byKey.get(row.name_key)!);
    }
    // Duplicates within the request are taken too.
    if (byKey.size < names.length) {
      const seen = new Set<string>();
      for (const name of names) {
        const key = loginKey(name);
        if (seen.has(key) && !out.includes(name)) out.push(name);
        seen.add(key);
      }
    }
    return out;
  }

  async all(tenantId: number): Promise<Set<string>> {
    return new Set(this.db.prepare<[number], { name_key: string }>('SELECT name_key FROM login_names WHERE tenant_id = ?').all(tenantId).map((r) => r.name_key));
  }
}
