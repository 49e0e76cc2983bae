import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../core/test-core';
import { hotspotPlan } from './voucher-fixture';
import { routerSettings } from '../routers/testing/store-router';

describe('SqliteVoucherRepository', () => {
  let core: TestCore;
  let planId: number;
  let routerId: number;
  beforeEach(async () => {
    core = await startTestCore();
    await core.services.accounts.run((tx) => tx.tenants.insert('Acme Net', null, Date.now()));
    routerId = (await core.services.accounts.run((tx) => tx.routers.add(1, routerSettings({ name: 'r1' }), 'pw', new Date()))).id;
    planId = (await core.services.business.run((tx) => tx.plans.insert(hotspotPlan([routerId]), Date.now()))).id;
  });
  afterEach(() => core.dispose());

  it('takes over vouchers found on a router in their states, already pushed there, passwords sealed', async () => {
    const batch = await core.services.business.run(async (tx) => {
      await tx.loginNames.reserve(1, ['4821', '7730', 'ab12'], 'voucher');
      return tx.vouchers.importBatch(
        {
          tenantId: 1, planId, routerId, comment: 'mikhmon 1d', createdBy: null,
          vouchers: [
            { code: '4821', password: null, state: 'unused', activatedAt: null, validUntil: null },
            { code: '7730', password: '9911', state: 'active', activatedAt: 1_000, validUntil: 86_401_000 },
            { code: 'ab12', password: null, state: 'expired', activatedAt: 1_000, validUntil: 2_000 },
          ],
        },
        Date.now(),
      );
    });
    expect(batch).toMatchObject({ count: 3, charset: 'mixed', codeLength: 4, separatePassword: true, comment: 'mikhmon 1d', counts: { unused: 1, active: 1, expired: 1, 'used-up': 0 } });
    expect(batch.routers).toEqual([expect.objectContaining({ routerId, state: 'done', pushed: 3, total: 3 })]);
    const [unused, active] = await core.services.business.read((tx) => tx.vouchers.credentials(batch.id));
    expect([unused!.password, active!.password]).toEqual(['4821', '9911']);
    const sealed = core.db.prepare<[], { password_sealed: string | null }>("SELECT password_sealed FROM vouchers WHERE code = '7730'").get()!.password_sealed;
    expect(sealed).not.toContain('9911');
    expect((await core.services.business.read((tx) => tx.vouchers.vouchers(batch.id)))[1]).toMatchObject({ state: 'active', routerId, validUntil: new Date(86_401_000).toISOString() });
  });

  it('counts the login names a code shape could collide with, whoever holds them', async () => {
    await core.services.business.run((tx) => tx.loginNames.reserve(1, ['AB2345', 'ab9999', 'AB234', 'AB23456', 'AB1234', 'XY2345'], 'subscriber'));
    const count = (prefix: string, length: number) => core.services.business.read((tx) => tx.vouchers.namesOfShape(1, { prefix, alphabet: '23456789', length }));
    expect(await count('AB', 4)).toBe(2);
    expect(await count('AB', 3)).toBe(1);
    expect(await count('', 6)).toBe(0);
    expect(await count('XY', 4)).toBe(1);
  });
});
