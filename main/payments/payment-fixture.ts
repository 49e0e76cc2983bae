import type { Role, Session } from '../auth/session';
import type { InvokeInput, InvokeName, InvokeOutput } from '../contract';
import type { TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import type { SubscriberRecord } from '../subscribers/subscriber-repository';

export const as = (role: Role, tenantId: number | null = 1): Session => ({ id: `s-${role}-${tenantId}`, user: { id: 1, username: `${role}-${tenantId}`, role, tenantId } });

export type Call = <N extends InvokeName>(name: N, input: InvokeInput<N>, session?: Session) => Promise<InvokeOutput<N>>;

/** Invokes through the real dispatcher (validation, permissions) as an operator unless told; a refusal throws InvokeRefused (`.error`). */
export const caller = (services: TestCore['services']): Call => invoker(services, as('operator'));

/**
 * Two tenants selling in KES on Nairobi time, each with a PPPoE plan (on no router: payments
 * never reach one) and the subscribers named, created through the repositories.
 */
export async function seedPaymentTenants(services: TestCore['services'], subscribers: Array<{ tenantId: 1 | 2; username: string; phone: string | null }>): Promise<SubscriberRecord[]> {
  const call = caller(services);
  const plans = new Map<number, number>();
  for (const tenantId of [1, 2]) {
    await services.accounts.run((tx) => tx.tenants.insert(`Tenant ${tenantId}`, null, Date.now()));
    await call('tenants.updateSettings', { name: `Tenant ${tenantId}`, timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null }, as('tenant_admin', tenantId));
  }
  return services.business.run(async (tx) => {
    for (const tenantId of [1, 2]) {
      const plan = await tx.plans.insert(
        { tenantId, currency: 'KES', kind: 'pppoe', name: 'Fibre 10M', priceMinor: 150_000, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: null, sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [] },
        Date.now(),
      );
      plans.set(tenantId, plan.id);
    }
    const out: SubscriberRecord[] = [];
    for (const s of subscribers) {
      out.push(
        await tx.subscribers.insert(
          { tenantId: s.tenantId, kind: 'pppoe', name: `Customer ${s.username}`, phone: s.phone, email: null, username: s.username, password: 'secret-1', planId: plans.get(s.tenantId)!, status: 'active', validUntil: null, macLock: null, routerIds: [] },
          Date.now(),
        ),
      );
    }
    return out;
  });
}
