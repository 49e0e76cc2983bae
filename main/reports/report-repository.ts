import type { ActivityCell, ReportGroup } from './contract';

/**
 * Bucket boundaries as instants (ms): bucket i is [edges[i], edges[i + 1]). The caller computes
 * them in the tenant's time zone (zoned-buckets.ts); the store only compares numbers, so the same
 * query fits any SQL engine.
 */
export type BucketEdges = readonly number[];

/** Money of one bucket, group and currency. A null group key: no plan / router / operator known. */
export interface AmountRow {
  bucket: number;
  groupKey: string | null;
  groupLabel: string | null;
  currency: string;
  amountMinor: number;
  count: number;
}

export interface ActivityRow extends ActivityCell {
  bucket: number;
}

/**
 * Read-only aggregates for reports, summed by the store (never row by row in the core), always
 * of one tenant. Group keys: `plan:{id}`, `router:{id}`, `operator:{username}`, or `total`.
 */
export interface ReportRepository {
  /** Every tenant by id, for system admins' all-tenants reports. */
  tenants(): Promise<Array<{ id: number; name: string }>>;
  /** Payments by the bucket of their received time, whatever their state now (a reversal is its own row). */
  received(tenantId: number, edges: BucketEdges, groupBy: ReportGroup): Promise<AmountRow[]>;
  /** Reversals (positive amounts) by the bucket of the reversal, grouped like the payment they reverse. */
  reversed(tenantId: number, edges: BucketEdges, groupBy: ReportGroup): Promise<AmountRow[]>;
  /** Vouchers by the bucket of their activation, valued at their plan's price. */
  voucherSales(tenantId: number, edges: BucketEdges, groupBy: ReportGroup): Promise<AmountRow[]>;
  /** Counts per bucket; buckets with nothing are left out. */
  activity(tenantId: number, edges: BucketEdges): Promise<ActivityRow[]>;
  activeSubscribers(tenantId: number): Promise<number>;
}
