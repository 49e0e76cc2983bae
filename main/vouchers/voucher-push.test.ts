import { afterEach, describe, expect, it } from 'vitest';
import { waitForEvent } from '../events/wait-for-event';
import type { JobBatch, JobEventItem } from '../jobs/contract';
import type { RouterModel } from '../routers/simulator';
import { hotspotPlan, voucherFixture, type VoucherFixture } from './voucher-fixture';
import type { PushOutcome } from './voucher-push';

/** The batch's hotspot users as the router itself lists them (its own model, not the console's store). */
const usersOf = (model: RouterModel, batchId: number) => model.print('/ip/hotspot/user').filter((u) => u.comment?.startsWith(`vc-noc${batchId}`));

describe('vouchers.push: a batch onto each router as hotspot users, resumable and idempotent by name', () => {
  let f: VoucherFixture;
  afterEach(() => f.dispose());

  it('puts 100 vouchers on the router with the plan’s profile, limits and the batch comment', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const plan = await f.plan(hotspotPlan([router!.id]));
    const done = f.pushState(1, router!.id, 'done');
    const batch = await f.call('vouchers.generate', { planId: plan.id, count: 100, codeLength: 6, charset: 'mixed', comment: 'lobby' });
    expect(batch).toMatchObject({ id: 1, count: 100, counts: { unused: 100 }, routers: [{ routerId: router!.id, state: 'pending', pushed: 0, total: 100 }] });
    expect((await done).routers[0]).toMatchObject({ state: 'done', pushed: 100, failedCount: 0, failures: [], message: null });

    const users = usersOf(f.sims[0]!.model, 1);
    const { vouchers } = await f.call('vouchers.list', { batchId: 1 });
    expect(users.map((u) => u.name).sort()).toEqual(vouchers.map((v) => v.code).sort());
    for (const user of users) {
      expect(user).toMatchObject({ password: user.name, profile: 'Daily 1h', 'limit-uptime': '1h', 'limit-bytes-total': '500000000', comment: 'vc-noc1 lobby' });
    }
    expect(f.sims[0]!.model.get('/ip/hotspot/user/profile', 'Daily 1h')).toBeDefined();

    // A user whose comment someone edited on the router is not listed as the batch's; its add is
    // refused as a name the router has, which counts as there (idempotent by name).
    f.sims[0]!.model.set('/ip/hotspot/user', users[0]!.name!, { comment: 'edited by hand' });
    const again = f.pushState(1, router!.id, 'done');
    await f.call('vouchers.repush', { batchId: 1, routerId: router!.id });
    expect((await again).routers[0]).toMatchObject({ state: 'done', pushed: 100, failedCount: 0 });
    expect(f.sims[0]!.model.print('/ip/hotspot/user').filter((u) => u.name === users[0]!.name)).toHaveLength(1);
  });

  it('sends only what is missing after the connection drops mid-push, and ends with exactly the batch’s codes', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const sim = f.sims[0]!;
    const plan = await f.plan(hotspotPlan([router!.id]));
    let added = 0;
    const stopWatching = sim.model.onChange('/ip/hotspot/user', (change) => {
      if (change.kind === 'added' && ++added === 40) sim.faults.dropConnections();
    });
    const pushes = new Promise<PushOutcome[]>((resolve) => {
      const results: PushOutcome[] = [];
      const off = f.core.services.bus.subscribe('tenant.1.jobs', (e) => {
        if (e.name !== 'JobProcessed') return;
        for (const job of (e.payload as JobBatch<JobEventItem & { result?: unknown }>).items) if (job.name === 'vouchers.push') results.push(job.result as PushOutcome);
        if (results.length < 2) return;
        off();
        resolve(results);
      });
    });
    const waiting = f.pushState(1, router!.id, 'pending');
    const done = f.pushState(1, router!.id, 'done');
    await f.call('vouchers.generate', { planId: plan.id, count: 100, codeLength: 8, charset: 'letters' });
    expect((await waiting).routers[0]!.message).toMatch(/^waiting for router 'hq-1' to come online/);
    // Back online, the console pushes again on its own (voucher-listeners.ts).
    expect((await done).routers[0]).toMatchObject({ state: 'done', pushed: 100, failedCount: 0 });
    stopWatching();

    const { vouchers } = await f.call('vouchers.list', { batchId: 1 });
    const names = usersOf(sim.model, 1).map((u) => u.name);
    expect(names.sort()).toEqual(vouchers.map((v) => v.code).sort());
    const [first, second] = await pushes;
    expect(first).toMatchObject({ state: 'pending' });
    // The second run found what the first left on the router and sent the rest, nothing twice.
    expect(second!.alreadyThere).toBeGreaterThanOrEqual(40);
    expect(second).toMatchObject({ state: 'done', sent: 100 - second!.alreadyThere, refused: 0 });
  });

  it('leaves the batch pending on a router that is offline, and finishes when it comes back', async () => {
    f = await voucherFixture({ routers: 2 });
    const [up, down] = f.routers;
    const plan = await f.plan(hotspotPlan([up!.id, down!.id]));
    const offline = f.routerIs('offline', down!.id);
    await f.sims[1]!.stop();
    await offline;

    const upDone = f.pushState(1, up!.id, 'done');
    const waiting = f.pushState(1, down!.id, 'pending');
    await f.call('vouchers.generate', { planId: plan.id, count: 30, codeLength: 6, charset: 'digits' });
    await upDone;
    const pending = (await waiting).routers.find((r) => r.routerId === down!.id)!;
    expect(pending).toMatchObject({ state: 'pending', pushed: 0, message: expect.stringMatching(/^waiting for router 'hq-2' to come online/) });

    const finished = f.pushState(1, down!.id, 'done');
    await f.sims[1]!.start();
    expect((await finished).routers.map((r) => [r.routerId, r.state, r.pushed])).toEqual([
      [up!.id, 'done', 30],
      [down!.id, 'done', 30],
    ]);
    expect(usersOf(f.sims[1]!.model, 1)).toHaveLength(30);
  });

  it('keeps each voucher the router refuses with the router’s own words, and pushes them on request', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const plan = await f.plan(hotspotPlan([router!.id]));
    f.sims[0]!.faults.trapOn('/ip/hotspot/user/add', 'failure: invalid value for argument limit-bytes-total', 1, { times: 3 });
    const failed = f.pushState(1, router!.id, 'failed');
    await f.call('vouchers.generate', { planId: plan.id, count: 20, codeLength: 6, charset: 'mixed' });
    const progress = (await failed).routers[0]!;
    expect(progress).toMatchObject({ state: 'failed', pushed: 17, failedCount: 3, message: "router 'hq-1' refused 3 of 20 vouchers: see why beside each, fix the plan or the router, then push again" });
    expect(progress.failures).toHaveLength(3);
    for (const failure of progress.failures) {
      expect(failure).toEqual({ code: expect.stringMatching(/^\w{2}\*\*\*\w$/), message: 'failure: invalid value for argument limit-bytes-total' });
    }
    // The operator's own list shows which codes, unmasked.
    const { batches } = await f.call('vouchers.batches', {});
    expect(batches[0]!.routers[0]!.failures.every((x) => x.code.length === 6)).toBe(true);

    const done = f.pushState(1, router!.id, 'done');
    expect(await f.call('vouchers.repush', { batchId: 1 })).toEqual({ jobIds: [expect.any(Number)] });
    expect((await done).routers[0]).toMatchObject({ pushed: 20, failedCount: 0, failures: [] });
    expect(usersOf(f.sims[0]!.model, 1)).toHaveLength(20);
  });

  it('fails the push with the router’s words when the router refuses the plan’s profile', async () => {
    f = await voucherFixture();
    const [router] = f.routers;
    const plan = await f.plan(hotspotPlan([router!.id]));
    f.sims[0]!.faults.trapOn('/ip/hotspot/user/profile/add', 'failure: not enough permissions (9)', 1);
    const failed = f.pushState(1, router!.id, 'failed');
    const jobFailed = waitForEvent(f.core.services.bus, 'tenant.1.jobs', (e) => e.name === 'JobFailed');
    await f.call('vouchers.generate', { planId: plan.id, count: 5, codeLength: 6, charset: 'mixed' });
    expect((await failed).routers[0]!.message).toBe("router 'hq-1' refused the plan's profile 'Daily 1h': failure: not enough permissions (9)");
    expect((await jobFailed).payload).toMatchObject({ items: [{ name: 'vouchers.push', willRetry: false }] });
    expect(usersOf(f.sims[0]!.model, 1)).toHaveLength(0);
  });
});
