import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadlessHost } from '../host/headless-host';
import { WsTestClient } from '../host/ws-test-client';
import { data, errorOf, startWsTenant, type WsTenant } from '../users/testing/ws-tenant';

import type { JobDetail, JobSummary } from './contract';

const hostParts = { startHeadlessHost, connect: (url: string) => WsTestClient.connect(url) };

/**
 * Issue 10, finding 3, over the real WebSocket: operators could retry, cancel or discard jobs an
 * admin started (the job invokes were scoped by tenant only), a retried job ran again in its
 * admin's name without asking whether that admin still may, and tenant users could cancel or
 * discard the auth-tracking jobs that write the sign-in audit.
 */
const LATER = () => new Date(Date.now() + 3600_000);

describe('who may act on which job, and jobs that re-check their actor', () => {
  let t: WsTenant<WsTestClient>;
  let jane: { id: number };
  let otto: { id: number };
  let adminJane: WsTestClient;
  let adminKim: WsTestClient;
  let operator: WsTestClient;
  let root: WsTestClient;
  const status = (id: number) => t.core.services.jobs.store.get(id)?.status ?? 'gone';

  beforeAll(async () => {
    t = await startWsTenant('job-access', hostParts);
    jane = await t.seed('jane', 'tenant_admin');
    await t.seed('kim', 'tenant_admin');
    otto = await t.seed('otto', 'operator');
    await t.seed('root', 'system_admin');
    ({ client: adminJane } = await t.signIn('jane'));
    ({ client: adminKim } = await t.signIn('kim'));
    ({ client: operator } = await t.signIn('otto'));
    ({ client: root } = await t.signIn('root'));
  });
  afterAll(() => t?.close());

  it("refuses an operator every action on an admin's user-management job, changing nothing, and lets an admin act", async () => {
    // Jane's promotion of otto, queued behind a backlog (it runs later).
    const { jobId } = t.core.services.jobs.enqueue(
      'users.update',
      { id: otto.id, changes: { role: 'tenant_admin' }, staged: [], actor: { id: jane.id, username: 'jane' } },
      { tenantId: t.tenantId, runAt: LATER() },
    );
    expect(errorOf(await operator.invoke('jobs.cancel', { id: jobId }))).toMatchObject({ code: 'forbidden', message: expect.stringContaining('ask an admin of your tenant') });
    expect(status(jobId)).toBe('queued');
    expect(data<JobSummary>(await adminJane.invoke('jobs.cancel', { id: jobId }))).toMatchObject({ id: jobId, status: 'cancelled' });
    for (const action of ['jobs.retry', 'jobs.discard']) {
      expect(errorOf(await operator.invoke(action, { id: jobId })), action).toMatchObject({ code: 'forbidden' });
      expect(status(jobId), action).toBe('cancelled');
    }
    // What the Jobs view learns with its snapshot: nothing to offer the operator on admin jobs.
    expect(data<{ access: Record<string, string[]> }>(await operator.invoke('jobs.failed', {})).access).toEqual({
      operations: ['payload', 'retry', 'cancel', 'discard'],
      admin: [],
      security: [],
    });
    expect(await t.core.services.accounts.read((tx) => tx.users.get(otto.id))).toMatchObject({ role: 'operator' });
  });

  it('fails a retried role change for good, changing nothing, when its admin was demoted since', async () => {
    const { jobId } = t.core.services.jobs.enqueue(
      'users.update',
      { id: otto.id, changes: { role: 'tenant_admin' }, staged: [], actor: { id: jane.id, username: 'jane' } },
      { tenantId: t.tenantId, runAt: LATER() },
    );
    data(await adminJane.invoke('jobs.cancel', { id: jobId }));
    // Kim demotes Jane; Jane's sessions end with the role change.
    data(await adminKim.invoke('users.update', { id: jane.id, role: 'operator' }));
    await t.core.services.jobs.drained();
    expect(errorOf(await adminJane.invoke('jobs.retry', { id: jobId }))).toMatchObject({ code: 'unauthenticated' });
    const { client: demoted } = await t.signIn('jane');
    expect(errorOf(await demoted.invoke('jobs.retry', { id: jobId }))).toMatchObject({ code: 'forbidden' });
    // An admin who may retries it: it runs, and refuses to act in the name of someone who lost the right.
    data(await adminKim.invoke('jobs.retry', { id: jobId }));
    await t.core.services.jobs.drained();
    const detail = data<JobDetail>(await adminKim.invoke('jobs.detail', { id: jobId }));
    expect(detail).toMatchObject({
      status: 'failed',
      lastError: 'Not done: jane became operator after submitting this job and may no longer change this user. Nothing was changed; someone who may can submit it again.',
      failedAttempts: [{ permanent: true }],
    });
    expect(await t.core.services.accounts.read((tx) => tx.users.get(otto.id))).toMatchObject({ role: 'operator' });
    const audit = (await t.core.services.accounts.read((tx) => tx.audit.list({ tenantId: t.tenantId }, { limit: 50 })));
    expect(audit.filter((e) => e.action === 'user.updated' && e.targetLabel === 'otto')).toEqual([]);
  });

  it('lets no tenant user cancel or discard the auth-tracking jobs that write the sign-in audit', async () => {
    // A failed sign-in of otto queues its tracking job; one more is held for later to cancel.
    expect(errorOf(await (await t.connect()).invoke('auth.signIn', { username: 'otto', password: 'wrong-password-1' }))).toMatchObject({ code: 'unauthenticated' });
    await t.core.services.jobs.drained();
    const tracked = data<{ jobs: JobSummary[] }>(await adminKim.invoke('jobs.list', { queue: 'auth-tracking' })).jobs;
    expect(tracked.length).toBeGreaterThan(0);
    const attemptId = (t.core.services.jobs.detail(tracked[0]!.id).payload as { attemptId: number }).attemptId;
    const { jobId } = t.core.services.jobs.enqueue('auth.track-attempt', { attemptId }, { tenantId: t.tenantId, runAt: LATER() });
    for (const client of [adminKim, operator]) {
      expect(errorOf(await client.invoke('jobs.cancel', { id: jobId }))).toMatchObject({ code: 'forbidden' });
      expect(errorOf(await client.invoke('jobs.discard', { id: tracked[0]!.id }))).toMatchObject({ code: 'forbidden' });
    }
    expect(status(jobId)).toBe('queued');
    expect(status(tracked[0]!.id)).toBe('succeeded');
    // The system admin may.
    expect(data<JobSummary>(await root.invoke('jobs.cancel', { id: jobId }))).toMatchObject({ status: 'cancelled' });
    expect(data(await root.invoke('jobs.discard', { id: jobId }))).toEqual({ id: jobId });
    expect(status(jobId)).toBe('gone');
  });
});
