import type { Migration } from '../store/migration';

export const voucherMigrations: Migration[] = [
  {
    id: 520,
    name: 'vouchers: batches, vouchers, push progress per router',
    up(db) {
      db.exec(`CREATE TABLE voucher_batches (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        plan_id INTEGER NOT NULL REFERENCES plans (id),
        count INTEGER NOT NULL,
        code_length INTEGER NOT NULL,
        prefix TEXT NOT NULL,
        charset TEXT NOT NULL CHECK (charset IN ('digits', 'letters', 'mixed')),
        separate_password INTEGER NOT NULL,
        comment TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        created_by INTEGER
      ) STRICT;
      CREATE INDEX voucher_batches_by_tenant ON voucher_batches (tenant_id, id);
      CREATE INDEX voucher_batches_by_plan ON voucher_batches (plan_id);
      CREATE TABLE vouchers (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL,
        batch_id INTEGER NOT NULL REFERENCES voucher_batches (id) ON DELETE CASCADE,
        code TEXT NOT NULL,
        password_sealed TEXT,
        state TEXT NOT NULL CHECK (state IN ('unused', 'active', 'expired', 'used-up')),
        activated_at INTEGER,
        valid_until INTEGER,
        router_id INTEGER,
        UNIQUE (tenant_id, code)
      ) STRICT;
      CREATE INDEX vouchers_by_batch ON vouchers (batch_id, state);
      CREATE TABLE voucher_batch_routers (
        batch_id INTEGER NOT NULL REFERENCES voucher_batches (id) ON DELETE CASCADE,
        router_id INTEGER NOT NULL REFERENCES routers (id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('pending', 'pushing', 'done', 'failed')),
        pushed INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        failures TEXT NOT NULL DEFAULT '[]',
        message TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (batch_id, router_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX voucher_batch_routers_by_router ON voucher_batch_routers (router_id, state);
      CREATE TABLE voucher_sheets (
        job_id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL,
        batch_id INTEGER NOT NULL REFERENCES voucher_batches (id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        path TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;`);
    },
  },
  {
    id: 521,
    name: 'vouchers: active vouchers by end of validity (the expiry sweep runs every minute)',
    up(db) {
      db.exec("CREATE INDEX vouchers_active_until ON vouchers (valid_until) WHERE state = 'active'");
    },
  },
  {
    id: 530,
    name: 'vouchers: the expiry behaviour of spent vouchers on each router of their batch (pending, done, refused)',
    up(db) {
      // One row per spent voucher and router of its batch, written when the voucher expires or is
      // used up; `done` rows stay so the views can count what each router has applied. Vouchers
      // spent before this migration are queued too: their routers still let them in.
      db.exec(`CREATE TABLE voucher_router_expiry (
        voucher_id INTEGER NOT NULL REFERENCES vouchers (id) ON DELETE CASCADE,
        router_id INTEGER NOT NULL REFERENCES routers (id) ON DELETE CASCADE,
        batch_id INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'refused')),
        message TEXT,
        retry_at INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (voucher_id, router_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX voucher_router_expiry_due ON voucher_router_expiry (router_id, voucher_id) WHERE state <> 'done';
      CREATE INDEX voucher_router_expiry_by_batch ON voucher_router_expiry (batch_id, router_id);
      INSERT INTO voucher_router_expiry (voucher_id, router_id, batch_id, state, updated_at)
        SELECT v.id, r.router_id, v.batch_id, 'pending', 0 FROM vouchers v JOIN voucher_batch_routers r ON r.batch_id = v.batch_id
        WHERE v.state IN ('expired', 'used-up');`);
    },
  },
];
