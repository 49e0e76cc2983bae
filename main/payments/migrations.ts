import type { Migration } from '../store/migration';
import { phoneKeySql } from './phone-key';

export const paymentMigrations: Migration[] = [
  {
    id: 600,
    name: 'payments: payments idempotent by receipt, an append-only ledger per subscriber, per-tenant payment settings',
    up(db) {
      // Subscriber ids are kept without a foreign key: money history outlives a deleted subscriber.
      db.exec(`CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id),
        provider TEXT NOT NULL CHECK (provider IN ('cash', 'mpesa', 'mobile', 'generic')),
        reference TEXT NOT NULL,
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        payer_phone TEXT,
        payer_name TEXT,
        account_reference TEXT,
        received_at INTEGER NOT NULL,
        subscriber_id INTEGER,
        state TEXT NOT NULL CHECK (state IN ('matched', 'unmatched', 'reversed')),
        source TEXT NOT NULL CHECK (source IN ('manual', 'csv', 'webhook')),
        recorded_by TEXT,
        created_at INTEGER NOT NULL,
        UNIQUE (tenant_id, provider, reference)
      ) STRICT;
      CREATE INDEX payments_by_tenant ON payments (tenant_id, id);
      CREATE INDEX payments_unmatched ON payments (tenant_id, state, id);
      CREATE INDEX payments_by_subscriber ON payments (subscriber_id);
      CREATE TABLE ledger_entries (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id),
        subscriber_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'reversal', 'adjustment')),
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        payment_id INTEGER REFERENCES payments (id),
        note TEXT,
        at INTEGER NOT NULL,
        by_username TEXT
      ) STRICT;
      CREATE INDEX ledger_by_subscriber ON ledger_entries (tenant_id, subscriber_id, id);
      CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: add a reversal or adjustment entry instead of changing one'); END;
      CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: add a reversal or adjustment entry instead of deleting one'); END;
      CREATE TABLE payment_settings (
        tenant_id INTEGER PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
        csv_mapping TEXT,
        webhook_secret_sealed TEXT,
        webhook_rotated_at INTEGER
      ) STRICT;
      CREATE INDEX subscribers_by_phone_key ON subscribers (tenant_id, ${phoneKeySql('phone')});`);
    },
  },
  {
    id: 610,
    name: 'payments: charges (a plan bought from the balance) in the ledger, with their plan; when a payment was applied',
    up(db) {
      // SQLite cannot widen a CHECK in place: the ledger is copied into a table that allows
      // `charge`, entry for entry (ids kept), and its append-only triggers are made again.
      db.exec(`CREATE TABLE ledger_entries_next (
        id INTEGER PRIMARY KEY,
        tenant_id INTEGER NOT NULL REFERENCES tenants (id),
        subscriber_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('payment', 'reversal', 'adjustment', 'charge')),
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL,
        payment_id INTEGER REFERENCES payments (id),
        note TEXT,
        at INTEGER NOT NULL,
        by_username TEXT,
        plan_id INTEGER
      ) STRICT;
      INSERT INTO ledger_entries_next (id, tenant_id, subscriber_id, kind, amount_minor, currency, payment_id, note, at, by_username)
        SELECT id, tenant_id, subscriber_id, kind, amount_minor, currency, payment_id, note, at, by_username FROM ledger_entries;
      DROP TABLE ledger_entries;
      ALTER TABLE ledger_entries_next RENAME TO ledger_entries;
      CREATE INDEX ledger_by_subscriber ON ledger_entries (tenant_id, subscriber_id, id);
      CREATE INDEX ledger_by_tenant_time ON ledger_entries (tenant_id, at);
      CREATE UNIQUE INDEX ledger_one_charge_per_payment ON ledger_entries (payment_id) WHERE kind = 'charge';
      CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: add a reversal or adjustment entry instead of changing one'); END;
      CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: add a reversal or adjustment entry instead of deleting one'); END;
      ALTER TABLE payments ADD COLUMN applied_at INTEGER;
      CREATE INDEX payments_by_tenant_time ON payments (tenant_id, received_at);
      CREATE INDEX payments_to_apply ON payments (tenant_id, id) WHERE applied_at IS NULL AND state = 'matched';`);
    },
  },
];
