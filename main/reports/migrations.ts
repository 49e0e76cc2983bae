import type { Migration } from '../store/migration';

/**
 * Reports read each bucket as a range of one time index per tenant. Payments and ledger entries
 * already have theirs (migration 610); these are for the rest of what reports count.
 */
export const reportMigrations: Migration[] = [
  {
    id: 720,
    name: 'reports: time indexes for vouchers activated, batches issued, subscriber history by kind, ledger entries by payment',
    up(db) {
      db.exec(`CREATE INDEX vouchers_by_activation ON vouchers (tenant_id, activated_at) WHERE activated_at IS NOT NULL;
      CREATE INDEX voucher_batches_by_time ON voucher_batches (tenant_id, created_at);
      CREATE INDEX subscriber_history_by_kind ON subscriber_history (tenant_id, kind, at);
      CREATE INDEX ledger_by_payment ON ledger_entries (payment_id) WHERE payment_id IS NOT NULL;`);
    },
  },
];
