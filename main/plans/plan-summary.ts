import type { BusinessTx } from '../business/business-tx';
import type { PlanSummary } from './contract';
import type { PlanRecord } from './plan-repository';

/** Plans as the renderer sees them: each with where it stands on its routers and how much it is used. */
export async function planSummaries(tx: BusinessTx, records: readonly PlanRecord[]): Promise<PlanSummary[]> {
  const states = await tx.provisioning.statesOf('plan', records.map((r) => r.id));
  const out: PlanSummary[] = [];
  for (const record of records) {
    const usage = await tx.plans.usage(record.id);
    out.push({
      ...record,
      routers: (states.get(record.id) ?? []).map((s) => ({ ...s, updatedAt: new Date(s.updatedAt).toISOString() })),
      subscriberCount: usage.subscribers,
      voucherCount: usage.vouchers,
    });
  }
  return out;
}

export async function planSummary(tx: BusinessTx, record: PlanRecord): Promise<PlanSummary> {
  return (await planSummaries(tx, [record]))[0]!;
}
