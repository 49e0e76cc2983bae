import type { HotspotSession, SessionDelta } from '../sessions/contract';
import { maskBatch, maskVoucher } from './code-mask';
import type { VoucherBatchSummary, VoucherSummary } from './contract';
import type { VoucherServices } from './voucher-services';

type Services = Pick<VoucherServices, 'business' | 'bus'>;

/**
 * A voucher turns active at its first login, seen in the live hotspot sessions: its validity runs
 * from then. One lookup per delta whatever its size (a router's re-sync brings thousands of
 * sessions at once), and only unused vouchers match, so a re-sync activates nothing twice.
 * Resolves with how many vouchers turned active.
 */
export async function activateFromSessions(services: Services, tenantId: number, delta: SessionDelta<HotspotSession>, now = Date.now()): Promise<number> {
  if (delta.started.length === 0) return 0;
  // The first router a code shows up on in this delta is the one it was used on.
  const routerOf = new Map<string, number>();
  for (const session of delta.started) if (!routerOf.has(session.user)) routerOf.set(session.user, session.routerId);
  return services.business.run(async (tx) => {
    const candidates = await tx.vouchers.unusedByCodes(tenantId, [...routerOf.keys()]);
    if (candidates.length === 0) return 0;
    const plans = new Map<number, Awaited<ReturnType<typeof tx.plans.get>>>();
    for (const planId of new Set(candidates.map((c) => c.planId))) plans.set(planId, await tx.plans.get(tenantId, planId));
    const activated: Array<VoucherSummary & { planName: string }> = [];
    for (const voucher of candidates) {
      const plan = plans.get(voucher.planId)!;
      const validUntil = plan?.validitySeconds == null ? null : now + plan.validitySeconds * 1000;
      const routerId = routerOf.get(voucher.code)!;
      await tx.vouchers.activate(voucher.id, now, validUntil, routerId);
      activated.push({
        id: voucher.id,
        batchId: voucher.batchId,
        code: voucher.code,
        state: 'active',
        activatedAt: new Date(now).toISOString(),
        validUntil: validUntil === null ? null : new Date(validUntil).toISOString(),
        routerId,
        planName: plan?.name ?? '',
      });
    }
    const batches: Array<VoucherBatchSummary | null> = [];
    for (const batchId of new Set(activated.map((v) => v.batchId))) batches.push(await tx.vouchers.batch(tenantId, batchId));
    tx.afterCommit(() => {
      for (const voucher of activated) services.bus.publish('VoucherActivated', maskVoucher(voucher), tenantId);
      for (const batch of batches) if (batch) services.bus.publish('VoucherBatchUpdated', maskBatch(batch), tenantId);
    });
    return activated.length;
  });
}
