import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDetail, JobSummary } from './contract';
import { startHeadlessHost } from '../host/headless-host';
import { WsTestClient } from '../host/ws-test-client';
import { data, startWsTenant, type WsTenant } from '../users/testing/ws-tenant';

const hostParts = { startHeadlessHost, connect: (url: string) => WsTestClient.connect(url) };

/**
 * Issue 10, finding 1, over the real WebSocket: user-management jobs used to carry the password
 * hash and the plain email in their payload, which any user of the tenant (viewers included) read
 * through jobs.detail, jobs.list / jobs.failed (payloadSummary) and the JobFailed event on
 * tenant.{id}.jobs, and system admins through system.jobs. None of those frames carries them now.
 */
const SHARED_EMAIL = 'shared.inbox@acme.example';
const PASSWORD = 'Field-tech-2026';
const PERSON = 'Otto Operator';

describe('job payloads carry no password hash and no unmasked personal data', () => {
  let t: WsTenant<WsTestClient>;
  let admin: WsTestClient;
  let viewer: WsTestClient;
  let root: WsTestClient;
  let failedJob: number;
  let createdJob: number;
  let updateJob: number;
  const leaks = (frame: unknown) => {
    const text = JSON.stringify(frame);
    return ['scrypt$', SHARED_EMAIL, 'reset.me@acme.example', PASSWORD, 'Reset-Pass-2026', PERSON].filter((secret) => text.includes(secret));
  };

  beforeAll(async () => {
    t = await startWsTenant('job-exposure', hostParts);
    await t.seed('jane', 'tenant_admin');
    await t.seed('vic', 'viewer');
    await t.seed('root', 'system_admin');
    const otto = await t.seed('ottob', 'operator');
    ({ client: admin } = await t.signIn('jane'));
    ({ client: viewer } = await t.signIn('vic'));
    ({ client: root } = await t.signIn('root'));
    data(await viewer.subscribe(`tenant.${t.tenantId}.jobs`));
    data(await root.subscribe('system.jobs'));

    // Two accounts with one email, submitted together: both pass the form's checks (neither
    // exists yet), the job that runs second finds the email taken and fails for good.
    const [first, second] = await Promise.all([
      admin.invoke('users.create', { name: PERSON, username: 'otto', email: SHARED_EMAIL, password: PASSWORD, role: 'operator' }),
      admin.invoke('users.create', { name: PERSON, username: 'otto2', email: SHARED_EMAIL, password: PASSWORD, role: 'operator' }),
    ]);
    const ids = [data<{ jobId: number }>(first).jobId, data<{ jobId: number }>(second).jobId];
    const failed = await t.eventOn(viewer, `tenant.${t.tenantId}.jobs`, 'JobFailed', (p) => p.items.some((i) => ids.includes(i.id) && i.willRetry === false));
    failedJob = (failed.payload as { items: Array<{ id: number }> }).items.find((i) => ids.includes(i.id))!.id;
    createdJob = ids.find((id) => id !== failedJob)!;
    // A reset of someone's email and password: its job names what it changes, not the values.
    updateJob = data<{ jobId: number }>(await admin.invoke('users.update', { id: otto.id, email: 'reset.me@acme.example', password: 'Reset-Pass-2026' })).jobId;
    await t.core.services.jobs.drained();
  });
  afterAll(() => t?.close());

  it('sends the JobFailed event to the tenant channel and to system.jobs without hash, email or name', async () => {
    const onTenant = await t.eventOn(viewer, `tenant.${t.tenantId}.jobs`, 'JobFailed', (p) => p.items.some((i) => i.id === failedJob));
    const item = (onTenant.payload as { items: Array<JobSummary & { willRetry: boolean }> }).items.find((i) => i.id === failedJob)!;
    expect(item).toMatchObject({ queue: 'user-management', kind: 'admin', payloadHidden: true, payloadSummary: '', lastError: 'the email s***@acme.example was taken meanwhile; use another' });
    const onSystem = await t.eventOn(root, 'system.jobs', 'JobFailed', (p) => p.items.some((i) => i.id === failedJob));
    const systemItem = (onSystem.payload as { items: JobSummary[] }).items.find((i) => i.id === failedJob)!;
    expect(JSON.parse(systemItem.payloadSummary)).toEqual({ tenantId: t.tenantId, username: expect.stringMatching(/^otto2?$/), role: 'operator', actor: { id: expect.any(Number), username: 'jane' } });
    expect(leaks(onTenant)).toEqual([]);
    expect(leaks(onSystem)).toEqual([]);
  });

  it("shows a viewer that the user-management jobs ran, never their payload, in jobs.list, jobs.failed and jobs.detail", async () => {
    const list = data<{ jobs: JobSummary[] }>(await viewer.invoke('jobs.list', { queue: 'user-management' }));
    expect(list.jobs.map((j) => j.id).sort()).toEqual([createdJob, failedJob, updateJob].sort());
    expect(list.jobs.every((j) => j.payloadHidden && j.payloadSummary === '')).toBe(true);
    const failed = data<{ jobs: JobSummary[] }>(await viewer.invoke('jobs.failed', {}));
    expect(failed.jobs).toMatchObject([{ id: failedJob, payloadHidden: true, payloadSummary: '' }]);
    for (const id of [createdJob, failedJob, updateJob]) {
      const detail = data<JobDetail>(await viewer.invoke('jobs.detail', { id }));
      expect(detail).toMatchObject({ id, payloadHidden: true, payload: null, result: null, logLines: [] });
    }
  });

  it('shows admins and system admins payloads that name what changes, with no hash, email or name in them', async () => {
    for (const client of [admin, root]) {
      const update = data<JobDetail>(await client.invoke('jobs.detail', { id: updateJob }));
      expect(update).toMatchObject({ status: 'succeeded', payloadHidden: false, payload: { changes: {}, staged: ['email', 'password'], actor: { username: 'jane' } } });
      const created = data<JobDetail>(await client.invoke('jobs.detail', { id: createdJob }));
      expect(created.payload).toEqual({ tenantId: t.tenantId, username: expect.stringMatching(/^otto2?$/), role: 'operator', actor: { id: expect.any(Number), username: 'jane' } });
      const listed = data<{ jobs: JobSummary[] }>(await client.invoke('jobs.list', { queue: 'user-management' }));
      expect(listed.jobs.find((j) => j.id === updateJob)!.payloadSummary).toContain('"staged":["email","password"]');
      expect(data<{ jobs: JobSummary[] }>(await client.invoke('jobs.failed', {})).jobs.map((j) => j.id)).toContain(failedJob);
    }
  });

  it('never sent a password, a hash, a plain email or a name in any frame to anyone', async () => {
    // The applied values went where they belong: the user row, not the job.
    expect(await t.core.services.accounts.read((tx) => tx.users.findByUsername('ottob'))).toMatchObject({ email: 'reset.me@acme.example' });
    expect(t.core.db.prepare('SELECT count(*) FROM job_inputs WHERE job_id IN (?, ?)').pluck().get(createdJob, updateJob)).toBe(0);
    for (const client of [admin, viewer, root]) expect(client.received.flatMap(leaks)).toEqual([]);
  });
});
