import { createHash } from 'node:crypto';
import type { Db } from '../../store/database';

/**
 * What a property test compares before and after a call to prove it wrote nothing: each table's
 * row count and a SHA-256 of its rows. A table's entry may leave out rows (a WHERE clause over
 * the table, aliased `t`) or columns, or skip the table, for writes the test knows are not the
 * call's (timers) or are the documented effect of a refusal (a failed sign-in is counted).
 */
export interface TableRule {
  /** Only these rows are compared (SQL over the table aliased `t`). */
  where?: string;
  /** Columns left out of the hash. */
  omit?: readonly string[];
  /** The table is not compared at all. */
  skip?: true;
}

export type FingerprintRules = Readonly<Record<string, TableRule>>;

export type Fingerprint = ReadonlyMap<string, { rows: number; sha256: string }>;

/** Every table of the main schema (sqlite_* internals aside), in name order. */
function tableNames(db: Db): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((row) => row.name);
}

export function fingerprint(db: Db, rules: FingerprintRules = {}): Fingerprint {
  const out = new Map<string, { rows: number; sha256: string }>();
  for (const table of tableNames(db)) {
    const rule = rules[table] ?? {};
    if (rule.skip) continue;
    const select = `SELECT * FROM "${table}" AS t ${rule.where ? `WHERE ${rule.where}` : ''}`;
    const columns = db.prepare(select).columns().map((c) => c.name);
    // Every column in order, not rowid: WITHOUT ROWID tables have none.
    const statement = db.prepare(`${select} ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`).raw(true);
    const keep = columns.map((name) => !rule.omit?.includes(name));
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      rows++;
      hash.update(JSON.stringify(row.filter((_, i) => keep[i]), (_key, value: unknown) => (typeof value === 'bigint' || Buffer.isBuffer(value) ? String(value) : value)));
      hash.update('\n');
    }
    out.set(table, { rows, sha256: hash.digest('hex') });
  }
  return out;
}

/** The tables whose rows differ, with their counts before and after (empty: nothing changed). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const changed: string[] = [];
  for (const name of names) {
    const a = before.get(name);
    const b = after.get(name);
    if (a?.sha256 !== b?.sha256) changed.push(`${name} (${a?.rows ?? 'absent'} → ${b?.rows ?? 'absent'} rows)`);
  }
  return changed;
}

/**
 * Rows changed on the connection since it opened (SQLite's total_changes()). Every write of the
 * console goes through its one connection, so an unchanged count proves an unchanged store and
 * spares hashing it again.
 */
export const totalChanges = (db: Db): number => db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()!.n;
