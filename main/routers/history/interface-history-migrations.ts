import type { Migration } from '../../store/migration';

/**
 * Per-interface throughput per minute (kept 7 days, like the dashboard's minutes): each row keeps
 * the byte counters read, so the next minute's rate is worked out from the stored row and a
 * restart loses nothing; the rate is null on a first reading or after the counters went back
 * (a reboot). Also memory beside CPU in the dashboard's per-router history.
 */
export const interfaceHistoryMigrations: Migration[] = [
  {
    id: 810,
    name: 'routers: per-interface traffic per minute (7 days); memory in the dashboard history',
    up(db) {
      db.exec(`CREATE TABLE router_interface_minutes (
  tenant_id INTEGER NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  router_id INTEGER NOT NULL,
  interface TEXT NOT NULL,
  at INTEGER NOT NULL,
  rx_bytes INTEGER NOT NULL,
  tx_bytes INTEGER NOT NULL,
  rx_bps INTEGER,
  tx_bps INTEGER,
  PRIMARY KEY (tenant_id, router_id, interface, at)
) STRICT, WITHOUT ROWID;
CREATE INDEX router_interface_minutes_by_at ON router_interface_minutes (at);
ALTER TABLE dashboard_minutes ADD COLUMN memory INTEGER;
ALTER TABLE dashboard_hours ADD COLUMN memory INTEGER;`);
    },
  },
];
