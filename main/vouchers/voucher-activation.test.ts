import { afterEach, describe, expect, it } from 'vitest';
import { waitForEvent } from '../events/wait-for-event';
import type { HotspotSession } from '../sessions/contract';
import type { VoucherSummary } from './contract';
import { activateFromSessions } from './voucher-activation';
import { hotspotPlan, voucherFixture, type VoucherFixture } from './voucher-fixture';

const session = (routerId: number, user: string, n: number): HotspotSession => ({
  key: `${routerId}:*${n.toString(16)}`,
  routerId,
  routerName: 'hq-1',
  id: `*${n.toString(16)}`,
  server: 'hotspot1',
  user,
  address: '10.5.50.2',
  macAddress: '02:00:00:00:00:01',
  loginBy: 'http-chap',
  uptimeSeconds: 0,
  sessionTimeLeftSeconds: null,
  bytesIn: 0,
  bytesOut: 0,
  rateIn: 0,
  rateOut: 0,
});

describe('voucher activation: unused → active at the first login seen in the live sessions', () => {
  let f: VoucherFixture;
  afterEach(() => f.dispose());

  it('turns a voucher active when a client logs in with it on the router, its validity running from then', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const plan = await f.plan(hotspotPlan([router!.id]));
    const pushed = f.pushState(1, router!.id, 'done');
    await f.call('vouchers.generate', { planId: plan.id, count: 5, codeLength: 6, charset: 'mixed' });
    await pushed;
    const [voucher] = (await f.call('vouchers.list', { batchId: 1 })).vouchers;

    const activated = waitForEvent(f.core.services.bus, 'tenant.1.vouchers', (e) => e.name === 'VoucherActivated');
    const counted = f.pushState(1, router!.id, 'done');
    expect(f.sims[0]!.model.loginHotspot({ user: voucher!.code, password: voucher!.code })).toMatchObject({ ok: true });
    const event = (await activated).payload as VoucherSummary & { planName: string };
    expect(event).toMatchObject({ id: voucher!.id, batchId: 1, state: 'active', routerId: router!.id, planName: 'Daily 1h', code: `${voucher!.code.slice(0, 2)}***${voucher!.code.slice(-1)}` });
    expect(Date.parse(event.validUntil!) - Date.parse(event.activatedAt!)).toBe(86_400_000);
    expect((await counted).counts).toEqual({ unused: 4, active: 1, expired: 0, 'used-up': 0 });
    expect((await f.call('vouchers.list', { batchId: 1 })).vouchers[0]).toMatchObject({ state: 'active', validUntil: event.validUntil, routerId: router!.id });
    // A wrong password never gets a session, so it activates nothing.
    expect(f.sims[0]!.model.loginHotspot({ user: voucher!.code.replace(/.$/, '#'), password: 'nope' })).toMatchObject({ ok: false });
  });

  it('looks up a delta of thousands of sessions at once, only in the tenant’s own vouchers, and only once', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const plan = await f.plan(hotspotPlan([router!.id], { validitySeconds: null }));
    await f.call('vouchers.generate', { planId: plan.id, count: 3, codeLength: 6, charset: 'letters' });
    const codes = (await f.call('vouchers.list', { batchId: 1 })).vouchers.map((v) => v.code);
    const crowd = Array.from({ length: 3000 }, (_, i) => session(router!.id, `walk-in-${i}`, i));
    const delta = { started: [...crowd, ...codes.map((code, i) => session(router!.id, code, 5000 + i))], updated: [], ended: [] };

    expect(await activateFromSessions(f.core.services, 2, delta)).toBe(0);
    expect(await activateFromSessions(f.core.services, 1, delta)).toBe(3);
    expect(await activateFromSessions(f.core.services, 1, delta)).toBe(0);
    const vouchers = (await f.call('vouchers.list', { batchId: 1 })).vouchers;
    expect(vouchers.map((v) => [v.state, v.validUntil, v.routerId])).toEqual(codes.map(() => ['active', null, router!.id]));
  });
});
