import type { PlanSummary } from '../../../../main/plans/contract';

/** A plan as `plans.list` returns it, for the store and form tests. */
export function testPlan(id: number, name: string, overrides: Partial<PlanSummary> = {}): PlanSummary {
  return {
    id,
    tenantId: 1,
    kind: 'hotspot',
    name,
    priceMinor: 5000,
    currency: 'KES',
    validitySeconds: 86_400,
    autoRenew: false,
    uptimeLimitSeconds: null,
    dataLimitBytes: null,
    rateLimit: { uploadBps: 1_000_000, downloadBps: 2_000_000 },
    sharedUsers: 1,
    addressPool: null,
    localAddress: null,
    expiry: 'disable',
    expiredProfile: null,
    routerIds: [7],
    routers: [{ routerId: 7, state: 'applied', message: null, drift: [], updatedAt: '2026-01-01T00:00:00Z' }],
    subscriberCount: 0,
    voucherCount: 0,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
