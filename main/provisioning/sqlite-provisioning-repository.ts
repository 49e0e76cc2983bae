import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import type { DriftField, ProvisioningState } from '../plans/contract';
import type { ProvisionedKind, ProvisioningRepository, ProvisioningStatus } from './provisioning-repository';

interface Row {
  item_id: number;
  router_id: number;
  state: ProvisioningState;
  message: string | null;
  drift: string | null;
  updated_at: number;
}

export class SqliteProvisioningRepository implements ProvisioningRepository {
  private readonly sql: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
  }

  async statesOf(kind: ProvisionedKind, itemIds: readonly number[]): Promise<Map<number, ProvisioningStatus[]>> {
    const out = new Map<number, ProvisioningStatus[]>();
    const query = this.sql<[string, number], Row>('SELECT * FROM provisioning_states WHERE item_kind = ? AND item_id = ? ORDER BY router_id');
    const all = itemIds.length > 200 ? this.sql<[string], Row>('SELECT * FROM provisioning_states WHERE item_kind = ? ORDER BY router_id').all(kind) : null;
    const wanted = new Set(itemIds);
    const rows = all ? all.filter((r) => wanted.has(r.item_id)) : itemIds.flatMap((id) => query.all(kind, id));
    for (const id of itemIds) out.set(id, []);
    for (const r of rows) {
      out.get(r.item_id)!.push({
        routerId: r.router_id,
        state: r.state,
        message: r.message,
        drift: r.drift ? (JSON.parse(r.drift) as DriftField[]) : [],
        updatedAt: r.updated_at,
      });
    }
    return out;
  }

  async set(tenantId: number, kind: ProvisionedKind, itemId: number, routerId: number, status: Omit<ProvisioningStatus, 'routerId' | 'updatedAt'>, now: number): Promise<void> {
    this.sql(
        `INSERT INTO provisioning_states (tenant_id, item_kind, item_id, router_id, state, message, drift, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (item_kind, item_id, router_id) DO UPDATE SET state = excluded.state, message = excluded.message, drift = excluded.drift, updated_at = excluded.updated_at`,
      )
      .run(tenantId, kind, itemId, routerId, status.state, status.message, status.drift.length ? JSON.stringify(status.drift) : null, now);
  }

  async clear(kind: ProvisionedKind, itemId: number, routerIds?: readonly number[]): Promise<void> {
    if (!routerIds) {
      this.sql('DELETE FROM provisioning_states WHERE item_kind = ? AND item_id = ?').run(kind, itemId);
      return;
    }
    const del = this.sql('DELETE FROM provisioning_states WHERE item_kind = ? AND item_id = ? AND router_id = ?');
    for (const routerId of routerIds) del.run(kind, itemId, routerId);
  }

  async waitingOn(routerId: number): Promise<Array<{ kind: ProvisionedKind; itemId: number; tenantId: number }>> {
    return this.sql<[number], { item_kind: ProvisionedKind; item_id: number; tenant_id: number }>(
        "SELECT item_kind, item_id, tenant_id FROM provisioning_states WHERE router_id = ? AND state IN ('pending', 'failed', 'removing')",
      )
      .all(routerId)
      .map((r) => ({ kind: r.item_kind, itemId: r.item_id, tenantId: r.tenant_id }));
  }
}
