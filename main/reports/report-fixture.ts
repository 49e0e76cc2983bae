import { wallTimeToEpoch } from '../adoption/zoned-time';
import type { TestCore } from '../core/test-core';
import { invoker } from '../core/test-invoke';
import { as } from '../payments/payment-fixture';
import type { NewPlan } from '../plans/plan-repository';
import { routerSettings } from '../routers/testing/store-router';

export { as };

/** Wall time in Nairobi (tenant 1) and Berlin (tenant 2) as epoch ms. */
export const nairobi = (wall: string) => wallTimeToEpoch(wall, 'Africa/Nairobi');
export const berlin = (wall: string) => wallTimeToEpoch(wall, 'Europe/Berlin');

const plan = (tenantId: number, currency: string, kind: NewPlan['kind'], name: string, priceMinor: number): NewPlan => ({
  tenantId, currency, kind, name, priceMinor, validitySeconds: 30 * 86_400, uptimeLimitSeconds: null, dataLimitBytes: null, rateLimit: null,
  sharedUsers: null, addressPool: null, localAddress: null, expiry: 'disable', expiredProfile: null, routerIds: [],
});

export interface ReportSeed {
  routers: { r1: number; r2: number; r3: number };
  plans: { fibre10: number; fibre5: number; daily: number; basic: number };
}

/**
 * Two tenants whose money the report tests know by heart (every figure is in the tests):
 * tenant 1 "Alpha Net" sells in KES on Nairobi time, tenant 2 "Bravo Net" in EUR on Berlin time.
 *
 * Tenant 1, 30 Nov – 2 Dec 2026 (Nairobi):
 * - P1 jane 1,500.00 on 30 Nov 23:30 by kamau; its charge bought Fibre 10M (jane is on Fibre 5M now)
 * - P2 jane 200.00 on 1 Dec 00:10 (30 Nov in UTC) by webhook; no charge: jane's plan
 * - P3 unmatched 70.00 on 1 Dec 12:00 by webhook
 * - P4 otieno 1,500.00 on 1 Dec 09:00 by mary@alpha.example, reversed on 2 Dec 10:00
 * - P5 unmatched 30.00 on 2 Dec 08:00, reversed before anyone assigned it (no ledger entry)
 * - a batch of 3 Daily vouchers (50.00) by "seller" on 30 Nov; one activated 1 Dec 18:00 on r2, one 2 Dec 22:00 on r1
 * - history: jane extended (P1) and renewed (2 Dec 06:00), reconnected (2 Dec 07:00); otieno expired (1 Dec 00:30)
 * Tenant 2: hans 20.00 EUR on 1 Dec 23:30 Berlin (2 Dec in Nairobi), and 5.00 EUR on 25 Oct 23:30
 * (the 25-hour day the clocks go back: still 25 Oct in Berlin, 26 Oct at the summer offset).
 */
export async function seedReportTenants(services: TestCore['services']): Promise<ReportSeed> {
  const call = invoker(services, as('tenant_admin'));
  const settings = [
    { name: 'Alpha Net', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES' },
    { name: 'Bravo Net', timeZone: 'Europe/Berlin', locale: 'de-DE', currency: 'EUR' },
  ];
  for (const [i, s] of settings.entries()) {
    await services.accounts.run((tx) => tx.tenants.insert(s.name, null, Date.now()));
    await call('tenants.updateSettings', { ...s, logo: null }, as('tenant_admin', i + 1));
  }
  const { routers, seller } = await services.accounts.run(async (tx) => {
    const router = async (tenantId: number, name: string) =>
      (await tx.routers.add(tenantId, routerSettings({ name }), 'pw', new Date())).id;
    return {
      routers: { r1: await router(1, 'hq-1'), r2: await router(1, 'hq-2'), r3: await router(2, 'berlin-1') },
      seller: await tx.users.insert({ tenantId: 1, name: 'Seller', username: 'seller', email: 'seller@alpha.example', role: 'operator', passwordHash: 'x' }, Date.now()),
    };
  });

  return services.business.run(async (tx) => {
    const plans = {
      fibre10: (await tx.plans.insert(plan(1, 'KES', 'pppoe', 'Fibre 10M', 150_000), Date.now())).id,
      fibre5: (await tx.plans.insert(plan(1, 'KES', 'pppoe', 'Fibre 5M', 20_000), Date.now())).id,
      daily: (await tx.plans.insert(plan(1, 'KES', 'hotspot', 'Daily', 5_000), Date.now())).id,
      basic: (await tx.plans.insert(plan(2, 'EUR', 'pppoe', 'Basic', 2_000), Date.now())).id,
    };
    const subscriber = (tenantId: number, username: string, planId: number, status: 'active' | 'expired', routerIds: number[]) =>
      tx.subscribers.insert(
        { tenantId, kind: 'pppoe', name: `Customer ${username}`, phone: null, email: null, username, password: 'secret-1', planId, status, validUntil: null, macLock: null, routerIds },
        Date.now(),
      );
    const jane = await subscriber(1, 'jane', plans.fibre5, 'active', [routers.r2, routers.r1]);
    const otieno = await subscriber(1, 'otieno', plans.fibre10, 'expired', []);
    const hans = await subscriber(2, 'hans', plans.basic, 'active', [routers.r3]);

    const pay = (tenantId: number, reference: string, amountMinor: number, receivedAt: number, subscriberId: number | null, recordedBy: string | null) =>
      tx.payments.insert(
        { tenantId, provider: 'mpesa', reference, amountMinor, currency: tenantId === 1 ? 'KES' : 'EUR', payerPhone: null, payerName: null, accountReference: null, receivedAt, subscriberId, source: recordedBy ? 'manual' : 'webhook', recordedBy },
        receivedAt,
      );
    const ledger = (subscriberId: number, kind: 'payment' | 'reversal' | 'charge', amountMinor: number, paymentId: number | null, at: number, planId: number | null = null) =>
      tx.ledger.append({ tenantId: 1, subscriberId, kind, amountMinor, currency: 'KES', paymentId, note: null, by: null, planId }, at);

    const p1 = await pay(1, 'P1', 150_000, nairobi('2026-11-30T23:30:00'), jane.id, 'kamau');
    await ledger(jane.id, 'payment', 150_000, p1.id, nairobi('2026-11-30T23:30:00'));
    await ledger(jane.id, 'charge', -150_000, p1.id, nairobi('2026-11-30T23:30:01'), plans.fibre10);
    await tx.subscribers.addHistory(1, jane.id, 'extended', 'Fibre 10M', null, nairobi('2026-11-30T23:30:01'));
    const p2 = await pay(1, 'P2', 20_000, nairobi('2026-12-01T00:10:00'), jane.id, null);
    await ledger(jane.id, 'payment', 20_000, p2.id, nairobi('2026-12-01T00:10:00'));
    await pay(1, 'P3', 7_000, nairobi('2026-12-01T12:00:00'), null, null);
    const p4 = await pay(1, 'P4', 150_000, nairobi('2026-12-01T09:00:00'), otieno.id, 'mary@alpha.example');
    await ledger(otieno.id, 'payment', 150_000, p4.id, nairobi('2026-12-01T09:00:00'));
    await ledger(otieno.id, 'reversal', -150_000, p4.id, nairobi('2026-12-02T10:00:00'));
    await tx.payments.setState(p4.id, 'reversed', otieno.id);
    const p5 = await pay(1, 'P5', 3_000, nairobi('2026-12-02T08:00:00'), null, null);
    await tx.payments.setState(p5.id, 'reversed', null);

    await tx.subscribers.addHistory(1, otieno.id, 'expired', 'ended', null, nairobi('2026-12-01T00:30:00'));
    await tx.subscribers.addHistory(1, jane.id, 'renewed', 'from the balance', null, nairobi('2026-12-02T06:00:00'));
    await tx.subscribers.addHistory(1, jane.id, 'reconnected', 'enabled again', null, nairobi('2026-12-02T07:00:00'));

    const batch = await tx.vouchers.insertBatch(
      { tenantId: 1, planId: plans.daily, codeLength: 6, prefix: '', charset: 'digits', separatePassword: false, comment: '', createdBy: seller.id, routerIds: [routers.r1], vouchers: ['100001', '100002', '100003'].map((code) => ({ code, password: null })) },
      nairobi('2026-11-30T10:00:00'),
    );
    const [v1, v2] = await tx.vouchers.vouchers(batch.id);
    await tx.vouchers.activate(v1!.id, nairobi('2026-12-01T18:00:00'), null, routers.r2);
    await tx.vouchers.activate(v2!.id, nairobi('2026-12-02T22:00:00'), null, routers.r1);

    await pay(2, 'B1', 2_000, berlin('2026-12-01T23:30:00'), hans.id, null);
    await pay(2, 'B2', 500, berlin('2026-10-25T23:30:00'), hans.id, null);
    return { routers, plans };
  });
}
