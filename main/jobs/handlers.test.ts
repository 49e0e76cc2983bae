import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkInvoke } from '../auth/permissions';
import type { Session, SessionUser } from '../auth/session';
import type { CoreServices } from '../core/services';
import { defineJob, jobSet } from './define-job';
import { jobsHandlers } from './handlers';
import type { JobEngine } from './job-engine';
import { createEngine, testQueue, type EngineFixture } from './testing/engine-fixture';

const registry = jobSet(
  defineJob({ name: 't.fail', queue: 'default', runs: 'main', summary: '', payload: z.object({}), handler: () => { throw new Error('no luck'); } }),
);
let f: EngineFixture<typeof registry> | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

const session = (user: SessionUser | null): Session => ({ id: 's', user });
const admin = session({ id: 1, username: 'root', role: 'system_admin', tenantId: null });
const operator = session({ id: 2, username: 'op', role: 'operator', tenantId: 1 });
const viewer = session({ id: 3, username: 'v', role: 'viewer', tenantId: 1 });

describe('jobs invokes', () => {
  it('lets signed-in users read; operators and admins act; viewers and strangers not', () => {
    expect(checkInvoke(session(null), 'jobs.queues')).toMatchObject({ code: 'unauthenticated' });
    expect(checkInvoke(viewer, 'jobs.failed')).toBeNull();
    expect(checkInvoke(viewer, 'jobs.retry')).toMatchObject({ code: 'forbidden' });
    expect(checkInvoke(operator, 'jobs.retry')).toBeNull();
    expect(checkInvoke(operator, 'jobs.diagnose')).toMatchObject({ code: 'forbidden' });
  });

  it("scope every view and action to the user's tenant; system admins see all", async () => {
    f = createEngine({ registry, queues: [testQueue('default', { attempts: 1 })], schedules: [] });
    f.engine.start();
    const mine = f.engine.enqueue('t.fail', {}, { tenantId: 1 }).jobId;
    const theirs = f.engine.enqueue('t.fail', {}, { tenantId: 2 }).jobId;
    await f.engine.drained();
    const services = { jobs: f.engine as unknown as JobEngine } as CoreServices;
    const call = <K extends keyof typeof jobsHandlers>(name: K, input: unknown, s: Session) =>
      (jobsHandlers[name] as (i: unknown, c: unknown) => unknown)(input, { services, session: s });

    expect((call('jobs.failed', { limit: 10 }, operator) as { jobs: Array<{ id: number }> }).jobs.map((j) => j.id)).toEqual([mine]);
    expect((call('jobs.failed', { limit: 10 }, admin) as { jobs: Array<{ id: number }> }).jobs.map((j) => j.id)).toEqual([theirs, mine]);
    expect(() => call('jobs.detail', { id: theirs }, operator)).toThrow(/there is no job/);
    expect(() => call('jobs.retry', { id: theirs }, operator)).toThrow(/there is no job/);
    expect(call('jobs.retry', { id: mine }, operator)).toMatchObject({ id: mine, status: 'queued' });
    const stats = call('jobs.queues', {}, operator) as { queues: Array<{ queue: string; failed: number; queued: number }> };
    expect(stats.queues[0]).toMatchObject({ queue: 'default', failed: 0, queued: 1 });
    expect(call('jobs.discard', { id: theirs }, admin)).toEqual({ id: theirs });
  });
});
