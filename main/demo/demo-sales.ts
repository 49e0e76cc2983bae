import type { Session } from '../auth/session';
import type { InvokeInput, InvokeName, InvokeOutput } from '../contract';
import type { Result } from '../contract/errors';
import type { DemoInvoke } from './demo-services';

const DEMO_PLAN = 'Demo Daily 5M';

/**
 * What a demo tenant sells: a daily hotspot plan on its routers and a batch of vouchers of it.
 * The demo routers' clients redeem those vouchers now and then (voucherLoginsPerMinute), so
 * activation shows live. Made through the invokes an admin would use; a second run finds the plan
 * and adds nothing.
 */
export async function ensureDemoSales(invoke: DemoInvoke, tenantId: number, routerIds: readonly number[]): Promise<void> {
  const session: Session = { id: `demo-sales-${tenantId}`, user: { id: 0, username: 'demo', role: 'tenant_admin', tenantId } };
  const call = <N extends InvokeName>(name: N, input: InvokeInput<N>) => invoke(session, name, input) as Promise<Result<InvokeOutput<N>>>;
  const plans = await call('plans.list', {});
  if (!plans.ok || plans.data.plans.some((p) => p.name === DEMO_PLAN)) return;
  const plan = await call('plans.create', {
    kind: 'hotspot', name: DEMO_PLAN, priceMinor: 5_000, validitySeconds: 86_400, uptimeLimitSeconds: null, dataLimitBytes: 2_000_000_000,
    rateLimit: { uploadBps: 2_000_000, downloadBps: 5_000_000 }, sharedUsers: 1, addressPool: null, localAddress: null, expiry: 'remove', expiredProfile: null, routerIds: [...routerIds],
  });
  if (!plan.ok) throw new Error(`demo plan: ${plan.error.message}`);
  const batch = await call('vouchers.generate', { planId: plan.data.id, count: 60, codeLength: 6, charset: 'digits', comment: 'demo' });
  if (!batch.ok) throw new Error(`demo vouchers: ${batch.error.message}`);
}
