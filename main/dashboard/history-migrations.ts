import type { Migration } from '../store/migration';

/**
 * Two tables of one shape: a row per scope and time bucket. `router_id` 0 is the tenant's total
 * (a router id is never 0), so one primary key covers both and a rewrite of a bucket replaces it.
 */
const table = (name: string) => `CREATE TABLE ${name} (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  router_id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  hotspot INTEGER NOT NULL,
  pppoe INTEGER NOT NULL,
  in_bps INTEGER NOT NULL,
  out_bps INTEGER NOT NULL,
  cpu INTEGER,
  PRIMARY KEY (tenant_id, router_id, at)
) STRICT, WITHOUT ROWID;
CREATE INDEX ${name}_by_at ON ${name} (at);
CREATE INDEX ${name}_by_router ON ${name} (router_id, at);`;

export const dashboardHistoryMigrations: Migration[] = [
  {
    id: 800,
    name: 'dashboard: per-minute (7 days) and hourly (90 days) history per tenant and per router',
    up(db) {
      db.exec(`${table('dashboard_minutes')}\n${table('dashboard_hours')}`);
    },
  },
];
