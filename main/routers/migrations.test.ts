import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../store/database';
import { migrate } from '../store/migrator';
import { routerMigrations } from './migrations';

describe('router migrations', () => {
  let db: Db;
  afterEach(() => db.close());

  it('turns the old tls flag into a mode: on was anonymous DH (the only TLS there was), off stays off', () => {
    db = openDatabase(':memory:');
    migrate(db, routerMigrations.filter((m) => m.id === 400));
    const insert = db.prepare(
      `INSERT INTO routers (tenant_id, name, host, port, tls, username, password_sealed, created_at, updated_at) VALUES (1, ?, '10.0.0.1', ?, ?, 'api', '', 'x', 'x')`,
    );
    insert.run('ssl', 8729, 1);
    insert.run('plain', 8728, 0);
    migrate(db, routerMigrations);
    expect(db.prepare('SELECT name, tls_mode, tls_ca, tls_fingerprint FROM routers ORDER BY name').all()).toEqual([
      { name: 'plain', tls_mode: 'off', tls_ca: '', tls_fingerprint: null },
      { name: 'ssl', tls_mode: 'anonymous', tls_ca: '', tls_fingerprint: null },
    ]);
    expect(db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'routers\')').all().map((c) => c.name)).not.toContain('tls');
    expect(() => db.prepare("UPDATE routers SET tls_mode = 'maybe'").run()).toThrow(/CHECK constraint/);
  });
});
