import { DomainError } from '../contract/errors';
import type { Db } from '../store/database';
import { preparedStatements } from '../store/prepared-statements';
import { rateLimitSchema, type ExpiryAction, type PlanKind, type RateLimit } from './contract';
import type { NewPlan, PlanRecord, PlanRepository } from './plan-repository';

interface Row {
  id: number;
  tenant_id: number;
  kind: PlanKind;
  name: string;
  price_minor: number;
  currency: string;
  validity_seconds: number | null;
  uptime_limit_seconds: number | null;
  data_limit_bytes: number | null;
  rate_limit: string | null;
  shared_users: number | null;
  address_pool: string | null;
  local_address: string | null;
  expiry: ExpiryAction;
  expired_profile: string | null;
  auto_renew: 0 | 1;
  created_at: number;
  updated_at: number;
  router_ids: string | null;
}

const SELECT = `SELECT p.*, (SELECT group_concat(router_id) FROM plan_routers r WHERE r.plan_id = p.id) AS router_ids FROM plans p`;
const nameKey = (name: string) => name.trim().toLowerCase();

const toRecord = (r: Row): PlanRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  kind: r.kind,
  name: r.name,
  priceMinor: r.price_minor,
  currency: r.currency,
  validitySeconds: r.validity_seconds,
  uptimeLimitSeconds: r.uptime_limit_seconds,
  dataLimitBytes: r.data_limit_bytes,
  rateLimit: r.rate_limit === null ? null : (rateLimitSchema.parse(JSON.parse(r.rate_limit)) as RateLimit),
  sharedUsers: r.shared_users,
  addressPool: r.address_pool,
  localAddress: r.local_address,
  expiry: r.expiry,
  expiredProfile: r.expired_profile,
  autoRenew: r.auto_renew === 1,
  routerIds: r.router_ids ? r.router_ids.split(',').map(Number).sort((a, b) => a - b) : [],
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export class SqlitePlanRepository implements PlanRepository {
  private readonly sql: ReturnType<typeof preparedStatements>;

  constructor(private readonly db: Db) {
    this.sql = preparedStatements(db);
  }

  async list(tenantId: number | null): Promise<PlanRecord[]> {
    const rows =
      tenantId === null
        ? this.sql<[], Row>(`${SELECT} ORDER BY p.tenant_id, p.kind, p.name_key`).all()
        : this.sql<[number], Row>(`${SELECT} WHERE p.tenant_id = ? ORDER BY p.kind, p.name_key`).all(tenantId);
    return rows.map(toRecord);
  }

  async get(tenantId: number | null, id: number): Promise<PlanRecord | null> {
    const row = this.sql<[number], Row>(`${SELECT} WHERE p.id = ?`).get(id);
    return row && (tenantId === null || row.tenant_id === tenantId) ? toRecord(row) : null;
  }

  async findByName(tenantId: number, kind: PlanKind, name: string): Promise<PlanRecord | null> {
    const row = this.sql<[number, string, string], Row>(`${SELECT} WHERE p.tenant_id = ? AND p.kind = ? AND p.name_key = ?`).get(tenantId, kind, nameKey(name));
    return row ? toRecord(row) : null;
  }

  async insert(plan: NewPlan, now: number): Promise<PlanRecord> {
    if (await this.findByName(plan.tenantId, plan.kind, plan.name)) {
      throw new DomainError('conflict', `A ${plan.kind} plan named '${plan.name}' exists already: choose another name.`, { fields: { name: 'a plan of this kind has this name already' } });
    }
    const { lastInsertRowid } = this.sql(
        `INSERT INTO plans (tenant_id, kind, name, name_key, price_minor, currency, validity_seconds, uptime_limit_seconds, data_limit_bytes, rate_limit,
           shared_users, address_pool, local_address, expiry, expired_profile, auto_renew, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        plan.tenantId,
        plan.kind,
        plan.name,
        nameKey(plan.name),
        plan.priceMinor,
        plan.currency,
        plan.validitySeconds,
        plan.uptimeLimitSeconds,
        plan.dataLimitBytes,
        plan.rateLimit === null ? null : JSON.stringify(plan.rateLimit),
        plan.sharedUsers,
        plan.addressPool,
        plan.localAddress,
        plan.expiry,
        plan.expiredProfile,
        plan.autoRenew === true ? 1 : 0,
        now,
        now,
      );
    const id = Number(lastInsertRowid);
    this.setRouters(id, plan.routerIds);
    return (await this.get(null, id))!;
  }

  async update(id: number, changes: Partial<Omit<NewPlan, 'tenantId' | 'kind' | 'currency'>>, now: number): Promise<PlanRecord> {
    const current = await this.get(null, id);
    if (!current) throw new DomainError('not_found', `Plan ${id} does not exist.`);
    const next = { ...current, ...changes };
    if (changes.name !== undefined && nameKey(changes.name) !== nameKey(current.name)) {
      const other = await this.findByName(current.tenantId, current.kind, changes.name);
      if (other) throw new DomainError('conflict', `A ${current.kind} plan named '${changes.name}' exists already: choose another name.`, { fields: { name: 'a plan of this kind has this name already' } });
    }
    this.sql(
        `UPDATE plans SET name = ?, name_key = ?, price_minor = ?, validity_seconds = ?, uptime_limit_seconds = ?, data_limit_bytes = ?, rate_limit = ?,
           shared_users = ?, address_pool = ?, local_address = ?, expiry = ?, expired_profile = ?, auto_renew = ?, updated_at = ? WHERE id = ?`,
      )
      .run(
        next.name,
        nameKey(next.name),
        next.priceMinor,
        next.validitySeconds,
        next.uptimeLimitSeconds,
        next.dataLimitBytes,
        next.rateLimit === null ? null : JSON.stringify(next.rateLimit),
        next.sharedUsers,
        next.addressPool,
        next.localAddress,
        next.expiry,
        next.expiredProfile,
        next.autoRenew ? 1 : 0,
        now,
        id,
      );
    if (changes.routerIds) this.setRouters(id, changes.routerIds);
    return (await this.get(null, id))!;
  }

  async delete(id: number): Promise<void> {
    this.sql('DELETE FROM plans WHERE id = ?').run(id);
  }

  async usage(id: number): Promise<{ subscribers: number; vouchers: number }> {
    const subscribers = this.sql<[number], { n: number }>('SELECT count(*) AS n FROM subscribers WHERE plan_id = ?').get(id)!.n;
    const vouchers = this.sql<[number], { n: number }>("SELECT count(*) AS n FROM vouchers v JOIN voucher_batches b ON b.id = v.batch_id WHERE b.plan_id = ? AND v.state IN ('unused', 'active')")
      .get(id)!.n;
    return { subscribers, vouchers };
  }

  async onRouter(routerId: number): Promise<PlanRecord[]> {
    return this.sql<[number], Row>(`${SELECT} WHERE p.id IN (SELECT plan_id FROM plan_routers WHERE router_id = ?)`).all(routerId).map(toRecord);
  }

  private setRouters(id: number, routerIds: readonly number[]): void {
    this.sql('DELETE FROM plan_routers WHERE plan_id = ?').run(id);
    const insert = this.sql('INSERT INTO plan_routers (plan_id, router_id) VALUES (?, ?)');
    for (const routerId of new Set(routerIds)) insert.run(id, routerId);
  }
}
