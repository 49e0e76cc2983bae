import { afterEach, describe, expect, it } from 'vitest';
import { waitForEvent } from '../events/wait-for-event';
import type { JobBatch, JobEventItem } from '../jobs/contract';
import type { NewPlan } from '../plans/plan-repository';
import { withRouterLock } from '../provisioning/router-lock';
import type { RouterModel } from '../routers/simulator';
import type { BatchRouterExpiry, VoucherBatchSummary } from './contract';
import { sweepVouchers } from './voucher-expiry';
import { voucherFixture, type VoucherFixture } from './voucher-fixture';
import { expireOnRouter, REFUSED_RETRY_MS, type RouterExpiryResult } from './voucher-router-expiry';

const DAY = 86_400_000;
/** A sweep a day and a second after now: vouchers activated now are past their validity. */
const dayLater = () => Date.now() + DAY + 1000;

const userOf = (model: RouterModel, code: string) => model.print('/ip/hotspot/user').find((u) => u.name === code);
const sessionsOf = (model: RouterModel, code: string) => model.print('/ip/hotspot/active').filter((s) => s.user === code);

describe('spent vouchers get their plan’s expiry on their routers and their sessions end', () => {
  let f: VoucherFixture;
  afterEach(() => f.dispose());

  /** The next VoucherBatchUpdated whose expiry on the router has these fields (a message may be given as a pattern). */
  const expiryIs = async (batchId: number, routerId: number, fields: { [K in keyof BatchRouterExpiry]?: BatchRouterExpiry[K] | RegExp }) => {
    const matches = (value: unknown, wanted: unknown) => (wanted instanceof RegExp ? typeof value === 'string' && wanted.test(value) : value === wanted);
    const event = await waitForEvent(f.core.services.bus, 'tenant.1.vouchers', (e) => {
      const batch = e.payload as VoucherBatchSummary;
      const expiry = batch.routers.find((r) => r.routerId === routerId)?.expiry;
      return e.name === 'VoucherBatchUpdated' && batch.id === batchId && expiry !== undefined && Object.entries(fields).every(([k, v]) => matches(expiry[k as keyof BatchRouterExpiry], v));
    }, 30_000);
    return (event.payload as VoucherBatchSummary).routers.find((r) => r.routerId === routerId)!.expiry!;
  };
  /** The result of the next expiry job on the router to finish. */
  const expiryJob = (routerId: number) => {
    const mine = (j: JobEventItem & { result?: unknown }) => j.name === 'vouchers.expire-on-router' && (j.result as RouterExpiryResult | undefined)?.routerId === routerId;
    return waitForEvent(f.core.services.bus, 'tenant.1.jobs', (e) => e.name === 'JobProcessed' && (e.payload as JobBatch<JobEventItem>).items.some(mine), 30_000).then(
      (e) => (e.payload as JobBatch<JobEventItem & { result?: unknown }>).items.find(mine)!.result as RouterExpiryResult,
    );
  };
  const routerExpiry = async (batchId: number) => Object.fromEntries((await f.call('vouchers.list', { batchId })).vouchers.map((v) => [v.code, v.routerExpiry ?? null]));
  /** Makes a voucher active for three days and logs a client in with it (its validity outlasts `dayLater`). */
  const activeForLonger = async (batchId: number, code: string) => {
    const voucher = (await f.call('vouchers.list', { batchId })).vouchers.find((v) => v.code === code)!;
    await f.core.services.business.run((tx) => tx.vouchers.activate(voucher.id, Date.now(), Date.now() + 3 * DAY, f.routers[0]!.id));
    expect(f.sims[0]!.model.loginHotspot({ user: code, password: code })).toMatchObject({ ok: true });
  };

  it('disables an expired voucher’s user and ends its live session, leaves the others; a second sweep changes nothing', async () => {
    f = await voucherFixture();
    const { model } = f.sims[0]!;
    const routerId = f.routers[0]!.id;
    const { batchId, codes } = await f.pushedBatch(3);
    const [spent, longer, unused] = codes as [string, string, string];
    await f.activate(spent);
    await activeForLonger(batchId, longer);
    expect(sessionsOf(model, spent)).toHaveLength(1);

    const done = expiryIs(batchId, routerId, { done: 1, waiting: 0, refused: 0, message: null });
    const job = expiryJob(routerId);
    expect(await sweepVouchers(f.core.services, dayLater())).toMatchObject({ expiredBatches: 1, routerJobs: 1 });
    expect(await job).toEqual({ routerId, changed: 1, unchanged: 0, absent: 0, sessionsEnded: 1, refused: 0, waiting: false });
    await done;
    expect(userOf(model, spent)).toMatchObject({ disabled: 'true' });
    expect(sessionsOf(model, spent)).toEqual([]);
    expect(model.loginHotspot({ user: spent, password: spent })).toMatchObject({ ok: false });
    // The voucher still in its time keeps its session; the unused one can still be sold.
    expect([userOf(model, longer)?.disabled, userOf(model, unused)?.disabled, sessionsOf(model, longer)]).toEqual(['false', 'false', [expect.anything()]]);
    expect(await routerExpiry(batchId)).toEqual({ [spent]: 'done', [longer]: null, [unused]: null });

    const before = model.print('/ip/hotspot/user');
    expect(await sweepVouchers(f.core.services, dayLater())).toMatchObject({ expiredBatches: 0, usedUp: 0, routerJobs: 0 });
    expect(await withRouterLock(routerId, () => expireOnRouter(f.core.services, routerId))).toEqual({ routerId, changed: 0, unchanged: 0, absent: 0, sessionsEnded: 0, refused: 0, waiting: false });
    expect(model.print('/ip/hotspot/user')).toEqual(before);
  });

  it.each<[string, Partial<NewPlan>, (model: RouterModel, code: string) => void]>([
    ['removes the user (expiry "remove")', { expiry: 'remove' }, (model, code) => expect(userOf(model, code)).toBeUndefined()],
    [
      'moves the user to the expired profile (expiry "move")',
      { expiry: 'move', expiredProfile: 'expired' },
      (model, code) => expect(userOf(model, code)).toMatchObject({ profile: 'expired', disabled: 'false' }),
    ],
  ])('%s and ends its session', async (_name, plan, check) => {
    f = await voucherFixture();
    const { model } = f.sims[0]!;
    const routerId = f.routers[0]!.id;
    model.add('/ip/hotspot/user/profile', { name: 'expired' });
    const { batchId, codes } = await f.pushedBatch(2, plan);
    await f.activate(codes[0]!);

    const job = expiryJob(routerId);
    await sweepVouchers(f.core.services, dayLater());
    expect(await job).toMatchObject({ changed: 1, sessionsEnded: 1, refused: 0 });
    check(model, codes[0]!);
    expect(sessionsOf(model, codes[0]!)).toEqual([]);
    expect(userOf(model, codes[1]!)).toMatchObject({ profile: 'Daily 1h', disabled: 'false' });
    expect(await routerExpiry(batchId)).toEqual({ [codes[0]!]: 'done', [codes[1]!]: null });
  });

  it('disables a voucher used up by its limits on the router (the router ended its session itself)', async () => {
    f = await voucherFixture();
    const { model } = f.sims[0]!;
    const routerId = f.routers[0]!.id;
    const { batchId, codes } = await f.pushedBatch(2, { dataLimitBytes: null });
    await f.activate(codes[0]!);
    model.tick(3_600_000 + 1000);
    expect(sessionsOf(model, codes[0]!)).toEqual([]);

    const job = expiryJob(routerId);
    expect(await sweepVouchers(f.core.services)).toMatchObject({ usedUp: 1, routerJobs: 1 });
    expect(await job).toMatchObject({ changed: 1, sessionsEnded: 0, refused: 0 });
    expect(userOf(model, codes[0]!)).toMatchObject({ disabled: 'true' });
    expect((await f.call('vouchers.list', { batchId })).vouchers.map((v) => [v.state, v.routerExpiry ?? null])).toEqual([
      ['used-up', 'done'],
      ['unused', null],
    ]);
  });

  it('waits for a router that is offline during the sweep, and applies the expiry when it is back', async () => {
    f = await voucherFixture();
    const sim = f.sims[0]!;
    const routerId = f.routers[0]!.id;
    const { batchId, codes } = await f.pushedBatch(2);
    await f.activate(codes[0]!);
    const offline = f.routerIs('offline', routerId);
    await sim.stop();
    await offline;

    const waiting = expiryIs(batchId, routerId, { done: 0, waiting: 1, message: /^waiting for router 'hq-1' to come online \(it is offline\)$/ });
    expect(await sweepVouchers(f.core.services, dayLater())).toMatchObject({ expiredBatches: 1, routerJobs: 0 });
    await waiting;
    expect(await routerExpiry(batchId)).toEqual({ [codes[0]!]: 'waiting', [codes[1]!]: null });
    // Still logged in on the router while it is out of reach.
    expect(sessionsOf(sim.model, codes[0]!)).toHaveLength(1);

    const done = expiryIs(batchId, routerId, { done: 1, waiting: 0, message: null });
    await sim.start();
    await done;
    expect(userOf(sim.model, codes[0]!)).toMatchObject({ disabled: 'true' });
    expect(sessionsOf(sim.model, codes[0]!)).toEqual([]);
  });

  it('does not put a spent voucher on a router its batch reaches later, and counts it done there', async () => {
    f = await voucherFixture({ routers: 2 });
    const [up, down] = f.routers as [(typeof f.routers)[0], (typeof f.routers)[0]];
    const offline = f.routerIs('offline', down.id);
    await f.sims[1]!.stop();
    await offline;
    const { batchId, codes } = await f.pushedBatch(3, {}, [up.id, down.id]);
    await f.activate(codes[0]!);
    const upDone = expiryIs(batchId, up.id, { done: 1 });
    await sweepVouchers(f.core.services, dayLater());
    await upDone;

    const pushed = f.pushState(batchId, down.id, 'done');
    const downDone = expiryIs(batchId, down.id, { done: 1, waiting: 0 });
    await f.sims[1]!.start();
    expect((await pushed).routers.find((r) => r.routerId === down.id)).toMatchObject({ pushed: 3, total: 3 });
    await downDone;
    const names = f.sims[1]!.model.print('/ip/hotspot/user').map((u) => u.name);
    expect(names).not.toContain(codes[0]);
    expect(names).toEqual(expect.arrayContaining([codes[1], codes[2]]));
  });

  it('resumes after the connection drops mid-way without sending any change twice', async () => {
    f = await voucherFixture();
    const sim = f.sims[0]!;
    const routerId = f.routers[0]!.id;
    const { batchId, codes } = await f.pushedBatch(6);
    const at = Date.now();
    await f.core.services.business.run(async (tx) => {
      for (const v of await tx.vouchers.vouchers(batchId)) await tx.vouchers.activate(v.id, at, at + 1000, routerId);
      // Spent, not swept: the test runs the router's part itself, in rounds of two.
      await tx.vouchers.expireDue(at + 1000);
    });
    let sets = 0;
    const stop = sim.model.onChange('/ip/hotspot/user', (change) => {
      if (change.kind === 'updated' && ++sets === 3) sim.faults.dropConnections();
    });
    const resumed = expiryJob(routerId);
    const first = await withRouterLock(routerId, () => expireOnRouter(f.core.services, routerId, { chunk: 2 }));
    expect(first).toMatchObject({ changed: 2, waiting: true });
    // Back online, the listener queues the rest.
    const second = await resumed;
    stop();
    expect(second.changed + second.unchanged).toBe(4);
    expect(second).toMatchObject({ absent: 0, refused: 0, waiting: false });
    expect(sets).toBe(6);
    expect(codes.map((code) => userOf(sim.model, code)?.disabled)).toEqual(Array(6).fill('true'));
    expect(Object.values(await routerExpiry(batchId))).toEqual(Array(6).fill('done'));
  });

  it('keeps what the router refuses with its words, ends no session for it, and tries again later', async () => {
    f = await voucherFixture();
    const { model } = f.sims[0]!;
    const routerId = f.routers[0]!.id;
    // The plan moves expired users to a profile the router does not have.
    const { batchId, codes } = await f.pushedBatch(1, { expiry: 'move', expiredProfile: 'expired' });
    await f.activate(codes[0]!);

    const refused = expiryIs(batchId, routerId, {
      done: 0,
      waiting: 0,
      refused: 1,
      message: /^router 'hq-1' refused to move the voucher's user to profile 'expired': .+; fix the plan or the router \(tried again in 15 minutes\)$/,
    });
    const job = expiryJob(routerId);
    await sweepVouchers(f.core.services, dayLater());
    expect(await job).toMatchObject({ changed: 0, refused: 1, sessionsEnded: 0 });
    await refused;
    expect(userOf(model, codes[0]!)).toMatchObject({ profile: 'Daily 1h' });
    expect(sessionsOf(model, codes[0]!)).toHaveLength(1);
    expect(await routerExpiry(batchId)).toEqual({ [codes[0]!]: 'refused' });

    // Not again at once; due again once the wait is over.
    const due = (now: number) => f.core.services.business.read((tx) => tx.vouchers.routersWithExpiryDue(now, routerId));
    expect(await due(Date.now())).toEqual([]);
    expect(await due(Date.now() + REFUSED_RETRY_MS + 1000)).toEqual([{ routerId, tenantId: 1 }]);
  });
});
