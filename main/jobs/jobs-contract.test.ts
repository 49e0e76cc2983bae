import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../contract/protocol';
import { contractClient } from '../core/test-client';
import { startTestCore, type TestCore } from '../core/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

describe('jobs through the contract', () => {
  it('a system admin sees a pool job fail for good on system.jobs, retries it by hand, and it succeeds', async () => {
    core = await startTestCore();
    const c = contractClient(core);
    c.connection.session.user = { id: 1, username: 'root', role: 'system_admin', tenantId: null };
    expect(await c.subscribe('system.jobs')).toMatchObject({ ok: true });
    const items = (m: ServerMessage) => (m as { payload: { items: Array<{ id: number; willRetry?: boolean }> } }).payload.items;

    // Fails its three automatic attempts (the default queue's), then a manual retry succeeds.
    const enqueued = (await c.invoke('jobs.diagnose', { action: 'fail', untilAttempt: 3, message: 'router 7 refused' })) as { ok: true; data: { jobId: number } };
    const jobId = enqueued.data.jobId;
    const failedEvent = await c.event((m) => m.name === 'JobFailed' && items(m).some((i) => i.id === jobId && i.willRetry === false));
    expect(items(failedEvent).find((i) => i.id === jobId)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'router 7 refused' });
    const failedList = (await c.invoke('jobs.failed', {})) as { ok: true; data: { jobs: Array<{ id: number }> } };
    expect(failedList.data.jobs.map((j) => j.id)).toEqual([jobId]);
    const stats = (await c.invoke('jobs.queues', {})) as { ok: true; data: { queues: Array<{ queue: string; failed: number }> } };
    expect(stats.data.queues.find((q) => q.queue === 'default')).toMatchObject({ failed: 1 });

    const processed = c.event((m) => m.name === 'JobProcessed' && items(m).some((i) => i.id === jobId));
    expect(await c.invoke('jobs.retry', { id: jobId })).toMatchObject({ ok: true, data: { status: 'queued' } });
    await processed;
    const detail = (await c.invoke('jobs.detail', { id: jobId })) as { ok: true; data: { status: string; attempts: number; failedAttempts: unknown[]; logLines: Array<{ msg: string }> } };
    expect(detail.data).toMatchObject({ status: 'succeeded', attempts: 4 });
    expect(detail.data.failedAttempts).toHaveLength(3);
    expect(detail.data.logLines.map((l) => l.msg)).toEqual(['attempt failed; will retry', 'attempt failed; will retry', 'job failed', 'job queued again by hand', 'job succeeded']);
  });

  it('refuses a viewer’s retry and hides other tenants’ jobs', async () => {
    core = await startTestCore();
    const { jobId } = core.services.jobs.enqueue('jobs.noop', {}, { tenantId: 2 });
    const c = contractClient(core);
    c.connection.session.user = { id: 5, username: 'v', role: 'viewer', tenantId: 1 };
    expect(await c.invoke('jobs.retry', { id: jobId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.invoke('jobs.detail', { id: jobId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await c.subscribe('system.jobs')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await c.subscribe('tenant.1.jobs')).toMatchObject({ ok: true });
  });
});
