import type { PlanInput, PlanKind, PlanSummary } from './contract';

/** A plan as stored: its summary without the per-router states and counts. */
export type PlanRecord = Omit<PlanSummary, 'routers' | 'subscriberCount' | 'voucherCount'>;

/** `autoRenew` may be left out (off), as plans made before it existed. */
export type NewPlan = Omit<PlanInput, 'tenantId' | 'autoRenew'> & { tenantId: number; currency: string; autoRenew?: boolean };

/** Plans of tenants. Every method is scoped to a tenant (null: a system admin, all tenants). */
export interface PlanRepository {
  list(tenantId: number | null): Promise<PlanRecord[]>;
  get(tenantId: number | null, id: number): Promise<PlanRecord | null>;
  findByName(tenantId: number, kind: PlanKind, name: string): Promise<PlanRecord | null>;
  /** Refused with a `conflict` DomainError when the tenant has a plan of that kind and name. */
  insert(plan: NewPlan, now: number): Promise<PlanRecord>;
  update(id: number, changes: Partial<Omit<NewPlan, 'tenantId' | 'kind' | 'currency'>>, now: number): Promise<PlanRecord>;
  delete(id: number): Promise<void>;
  /** Subscribers on the plan and vouchers of it not used up or expired (a plan in use stays). */
  usage(id: number): Promise<{ subscribers: number; vouchers: number }>;
  /** Plans that live on a router. */
  onRouter(routerId: number): Promise<PlanRecord[]>;
}
