import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import type { InvokeInput, InvokeName, InvokeOutput } from '../contract';
import type { ContractError } from '../contract/errors';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import type { VoucherBatchSummary } from './contract';
import { as, hotspotPlan } from './voucher-fixture';
import { routerSettings } from '../routers/testing/store-router';

/**
 * The invokes against a real core whose routers are stored but not connected: every push waits
 * (pending), which is all these tests need. Pushes themselves: voucher-push.test.ts.
 */
describe('voucher invokes', () => {
  let core: TestCore;
  beforeEach(async () => (core = await startTestCore()));
  afterEach(() => core.dispose());

  /** A tenant with `routers` stored routers and a hotspot plan on them. */
  const tenantWithPlan = async (name: string, routers = 1) => {
    const { tenantId, routerIds } = await core.services.accounts.run(async (tx) => {
      const tenant = await tx.tenants.insert(name, null, Date.now());
      const ids: number[] = [];
      for (let i = 0; i < routers; i++) ids.push((await tx.routers.add(tenant.id, routerSettings({ name: `r${i}` }), 'pw', new Date())).id);
      return { tenantId: tenant.id, routerIds: ids };
    });
    const plan = await core.services.business.run((tx) => tx.plans.insert({ ...hotspotPlan(routerIds), tenantId }, Date.now()));
    return { tenantId, routerIds, plan, operator: as('operator', tenantId), viewer: as('viewer', tenantId) };
  };
  const attempt = <N extends InvokeName>(session: Session, name: N, input: InvokeInput<N>) => dispatchInvoke(core.services, session, name, input);
  const call = async <N extends InvokeName>(session: Session, name: N, input: InvokeInput<N>): Promise<InvokeOutput<N>> => {
    const result = await attempt(session, name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.data as InvokeOutput<N>;
  };
  const refusal = async <N extends InvokeName>(session: Session, name: N, input: InvokeInput<N>): Promise<ContractError> => {
    const result = await attempt(session, name, input);
    if (result.ok) throw new Error(`${name} was accepted`);
    return result.error;
  };
  const storedCodes = (tenantId: number) => core.db.prepare<[number], { code: string }>('SELECT code FROM vouchers WHERE tenant_id = ?').all(tenantId).map((r) => r.code);

  it('stores a batch of new codes of the asked shape at once, queues a push per router in the same transaction, and audits it', async () => {
    const t = await tenantWithPlan('Acme Net', 2);
    const created = waitForEvent(core.services.bus, `tenant.${t.tenantId}.vouchers`, (e) => e.name === 'VoucherBatchCreated');
    const batch = await call(t.operator, 'vouchers.generate', { planId: t.plan.id, count: 50, codeLength: 5, prefix: 'AB', charset: 'digits', separatePassword: true, comment: 'lobby' });
    expect(batch).toMatchObject({ count: 50, prefix: 'AB', charset: 'digits', separatePassword: true, comment: 'lobby', planName: 'Daily 1h', counts: { unused: 50, active: 0, expired: 0, 'used-up': 0 } });
    expect(batch.routers.map((r) => [r.routerId, r.state, r.total])).toEqual(t.routerIds.map((id) => [id, 'pending', 50]));
    expect((await created).payload).toMatchObject({ id: batch.id });

    const { vouchers } = await call(t.operator, 'vouchers.list', { batchId: batch.id });
    const codes = vouchers.map((v) => v.code);
    expect(new Set(codes).size).toBe(50);
    for (const code of codes) expect(code).toMatch(/^AB[2-9]{5}$/);

    const { csv, fileName } = await call(t.operator, 'vouchers.export', { batchId: batch.id });
    expect(fileName).toBe(`vouchers-batch-${batch.id}.csv`);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('code,password,plan,price,state,valid until');
    expect(lines).toHaveLength(52);
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^AB[2-9]{5},[2-9]{5},Daily 1h,KES.50\.00,unused,$/);

    // The jobs carry ids only: no code in any payload.
    const jobs = core.services.jobs.list('all', { limit: 50 }).filter((j) => j.name === 'vouchers.push');
    expect(jobs.map((j) => core.services.jobs.detail(j.id).payload).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(t.routerIds.map((routerId) => ({ batchId: batch.id, routerId })));
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId: t.tenantId }, { limit: 5 }))).map((e) => e.action)).toEqual(['vouchers.exported', 'vouchers.generated']);
    const audited = JSON.stringify(await core.services.accounts.read((tx) => tx.audit.list({ tenantId: t.tenantId }, { limit: 5 })));
    expect(codes.some((code) => audited.includes(code))).toBe(false);
  });

  it('refuses a PPPoE plan, another tenant’s plan and a router the plan is not on, writing nothing', async () => {
    const t = await tenantWithPlan('Acme Net', 2);
    const other = await tenantWithPlan('Other Net');
    const pppoe = await core.services.business.run((tx) => tx.plans.insert({ ...hotspotPlan(t.routerIds), tenantId: t.tenantId, kind: 'pppoe', name: 'Home 10M', sharedUsers: null }, Date.now()));
    const base = { count: 5, codeLength: 6, charset: 'mixed' as const };
    expect(await refusal(t.operator, 'vouchers.generate', { ...base, planId: pppoe.id })).toMatchObject({ code: 'invalid_input', details: { fields: { planId: 'choose a hotspot plan' } } });
    expect(await refusal(t.operator, 'vouchers.generate', { ...base, planId: other.plan.id })).toMatchObject({ code: 'not_found' });
    expect(await refusal(t.operator, 'vouchers.generate', { ...base, planId: t.plan.id, routerIds: [other.routerIds[0]!] })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('does not carry plan'),
    });
    expect(await refusal(t.viewer, 'vouchers.generate', { ...base, planId: t.plan.id })).toMatchObject({ code: 'forbidden' });
    expect(storedCodes(t.tenantId)).toEqual([]);
    expect(await core.services.business.read((tx) => tx.loginNames.all(t.tenantId))).toEqual(new Set());
  });

  it('never issues a code twice in a tenant, and refuses what the code space cannot give with the length that would', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 100, max: 900 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1 }), async (sizes, prefixed) => {
        // A fresh tenant per run is a fresh code space: 4 digits (8^4 = 4,096, half of it usable).
        const t = await tenantWithPlan(`Tenant ${(await core.services.accounts.read((tx) => tx.tenants.list())).length + 1}`);
        const prefix = prefixed ? 'V' : '';
        await core.services.business.run((tx) => tx.loginNames.reserve(t.tenantId, [`${prefix}2345`], 'subscriber'));
        let issued = 0;
        for (const count of sizes) {
          const before = storedCodes(t.tenantId).length;
          const result = await attempt(t.operator, 'vouchers.generate', { planId: t.plan.id, count, codeLength: 4, prefix, charset: 'digits' });
          if (result.ok) {
            issued += count;
            continue;
          }
          expect(1 + issued + count).toBeGreaterThan(2048);
          expect(result.error).toMatchObject({ code: 'invalid_input', details: { fields: { codeLength: expect.stringContaining('choose a code length of 5 or more') } } });
          expect(storedCodes(t.tenantId)).toHaveLength(before);
        }
        // Filled up to the limit exactly, then one more is refused.
        const room = 2048 - 1 - issued;
        if (room > 0) {
          expect((await attempt(t.operator, 'vouchers.generate', { planId: t.plan.id, count: room, codeLength: 4, prefix, charset: 'digits' })).ok).toBe(true);
          issued += room;
        }
        expect(await attempt(t.operator, 'vouchers.generate', { planId: t.plan.id, count: 1, codeLength: 4, prefix, charset: 'digits' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        const codes = storedCodes(t.tenantId);
        expect(codes).toHaveLength(issued);
        expect(new Set(codes).size).toBe(issued);
        expect(codes).not.toContain(`${prefix}2345`);
      }),
      { numRuns: 6 },
    );
  });

  it('shows viewers masked codes, everywhere, and the sellers whole ones', async () => {
    const t = await tenantWithPlan('Acme Net');
    const batch = await call(t.operator, 'vouchers.generate', { planId: t.plan.id, count: 3, codeLength: 6, charset: 'letters' });
    await core.services.business.run((tx) => tx.vouchers.setPushProgress(batch.id, t.routerIds[0]!, { state: 'failed', pushed: 2, failed: 1, failures: [{ code: 'QWERTY', message: 'failure: no' }], message: 'refused' }, Date.now()));
    const seen = await call(t.viewer, 'vouchers.list', { batchId: batch.id });
    for (const v of seen.vouchers) expect(v.code).toMatch(/^[A-Z]{2}\*\*\*[A-Z]$/);
    const whole = await call(t.operator, 'vouchers.list', { batchId: batch.id });
    expect(whole.vouchers.map((v) => v.code.slice(0, 2) + '***' + v.code.slice(-1))).toEqual(seen.vouchers.map((v) => v.code));
    expect((await call(t.viewer, 'vouchers.batches', {})).batches[0]!.routers[0]!.failures).toEqual([{ code: 'QW***Y', message: 'failure: no' }]);
    expect((await call(t.operator, 'vouchers.batches', {})).batches[0]!.routers[0]!.failures).toEqual([{ code: 'QWERTY', message: 'failure: no' }]);
    expect(await refusal(t.viewer, 'vouchers.export', { batchId: batch.id })).toMatchObject({ code: 'forbidden' });
  });

  it('keeps each tenant to its own batches and sheets', async () => {
    const t = await tenantWithPlan('Acme Net');
    const other = await tenantWithPlan('Other Net');
    const batch: VoucherBatchSummary = await call(t.operator, 'vouchers.generate', { planId: t.plan.id, count: 3, codeLength: 6, charset: 'mixed' });
    expect((await call(other.operator, 'vouchers.batches', { tenantId: t.tenantId })).batches).toEqual([]);
    for (const name of ['vouchers.list', 'vouchers.export', 'vouchers.repush'] as const) {
      expect(await refusal(other.operator, name, { batchId: batch.id })).toMatchObject({ code: 'not_found' });
    }
    expect(await refusal(other.operator, 'vouchers.renderSheet', { batchId: batch.id, layout: 'a4', loginUrl: 'http://wifi.example/login' })).toMatchObject({ code: 'not_found' });
    expect(await refusal(t.operator, 'vouchers.renderSheet', { batchId: batch.id, layout: 'a4', loginUrl: 'http://wifi.example/login?x=1' })).toMatchObject({
      code: 'invalid_input',
      details: { fields: { loginUrl: expect.stringContaining('carries a query') } },
    });
    expect(await refusal(t.operator, 'vouchers.downloadSheet', { jobId: 999 })).toMatchObject({ code: 'not_found', message: expect.stringContaining('render it again') });
    expect((await call(as('system_admin', null), 'vouchers.batches', { tenantId: t.tenantId })).batches.map((b) => b.id)).toEqual([batch.id]);
  });
});
