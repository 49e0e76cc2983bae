import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import { TEST_PASSWORD, seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import type { Session } from '../auth/session';
import type { Result } from '../contract/errors';

const newUser = { name: 'Otto Operator', username: 'otto', email: 'otto@acme.example', password: 'Field-tech-2026', role: 'operator' as const };

describe('user management', () => {
  let core: TestCore;
  let tenantId: number;
  let admin: Session;
  let adminId: number;
  const call = async (session: Session, name: string, input: unknown): Promise<Result<unknown>> => {
    const result = await dispatchInvoke(core.services, session, name, input);
    await core.services.jobs.drained();
    return result;
  };
  beforeEach(async () => {
    core = await startTestCore();
    tenantId = (await seedTenant(core.services, 'Acme Net')).id;
    const jane = await seedUser(core.services, { username: 'jane', role: 'tenant_admin', tenantId });
    adminId = jane.id;
    admin = await sessionOf(core.services, jane);
  });
  afterEach(() => core.dispose());

  it('creates a user through a user-management job and announces it with the email masked', async () => {
    const events: BusEvent[] = [];
    core.services.bus.subscribe(`tenant.${tenantId}.users`, (e) => events.push(e));
    const accepted = await call(admin, 'users.create', newUser);
    expect(accepted).toMatchObject({ ok: true, data: { jobId: expect.any(Number) } });
    expect(core.services.jobs.detail((accepted as { data: { jobId: number } }).data.jobId)).toMatchObject({ queue: 'user-management', status: 'succeeded' });
    expect(events).toMatchObject([{ name: 'UserCreated', payload: { username: 'otto', role: 'operator', tenantId, email: 'o***@acme.example' } }]);
    const list = (await call(admin, 'users.list', {})) as { ok: true; data: { users: Array<{ username: string; email: string }> } };
    expect(list.data.users.map((u) => [u.username, u.email])).toEqual([
      ['jane', 'j***@example.com'],
      ['otto', 'o***@acme.example'],
    ]);
    const otto = (await core.services.accounts.read((tx) => tx.users.findByUsername('otto')))!;
    expect(await call(admin, 'users.get', { id: otto.id })).toMatchObject({ ok: true, data: { email: 'otto@acme.example' } });
    expect(await core.services.accounts.read((tx) => tx.audit.list({ tenantId }, { limit: 5 }))).toMatchObject([{ action: 'user.created', actorUsername: 'jane', targetLabel: 'otto' }]);
  });

  it('validates fields with messages and refuses taken usernames and emails', async () => {
    expect(await call(admin, 'users.create', { ...newUser, username: 'x', email: 'nope', password: 'short' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: { fields: { username: 'A username has 3 to 32 characters.', email: 'Enter a valid email address, like name@example.com.', password: 'Use at least 10 characters.' } },
      },
    });
    expect(await call(admin, 'users.create', { ...newUser, username: 'JANE', email: 'jane@example.com' })).toMatchObject({
      ok: false,
      error: { details: { fields: { username: 'This username is already taken.', email: 'This email address is already used by another account.' } } },
    });
  });

  it('never grants a role above your own, and keeps tenant admins inside their tenant', async () => {
    expect(await call(admin, 'users.create', { ...newUser, role: 'system_admin' })).toMatchObject({ ok: false, error: { code: 'forbidden', details: { fields: { role: expect.any(String) } } } });
    const other = (await seedTenant(core.services, 'Other Co')).id;
    expect(await call(admin, 'users.create', { ...newUser, tenantId: other })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.services.accounts.read((tx) => tx.users.findByUsername('otto'))).toBeNull();
    const root = await sessionOf(core.services, await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null }));
    expect(await call(root, 'users.create', { ...newUser, tenantId: other, role: 'tenant_admin' })).toMatchObject({ ok: true });
    expect(await core.services.accounts.read((tx) => tx.users.findByUsername('otto'))).toMatchObject({ tenantId: other, role: 'tenant_admin' });
  });

  it("protects the tenant's last admin from demotion, disabling and deletion, and you from yourself", async () => {
    const demote = await call(admin, 'users.update', { id: adminId, role: 'operator' });
    expect(demote).toMatchObject({ ok: false, error: { code: 'conflict', details: { fields: { role: expect.stringMatching(/last admin/) } } } });
    expect(await call(admin, 'users.setDisabled', { id: adminId, disabled: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(admin, 'users.delete', { id: adminId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const root = await sessionOf(core.services, await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null }));
    expect(await call(root, 'users.delete', { id: adminId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(root, 'users.setDisabled', { id: adminId, disabled: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // With a second admin, the first may step down.
    await call(admin, 'users.create', { ...newUser, role: 'tenant_admin' });
    expect(await call(admin, 'users.update', { id: adminId, role: 'operator' })).toMatchObject({ ok: true });
    expect(await core.services.accounts.read((tx) => tx.users.get(adminId))).toMatchObject({ role: 'operator' });
  });

  it("ends the user's sessions on a role change by an admin, signing out their live connections at once", async () => {
    const connection = core.connect(() => {});
    const otto = await seedUser(core.services, { username: 'otto', role: 'tenant_admin', tenantId });
    const { token } = await core.services.auth.startSession(connection.session, otto);
    await connection.receive({ type: 'subscribe', id: 1, channel: `tenant.${tenantId}.users` });
    await connection.receive({ type: 'subscribe', id: 2, channel: `tenant.${tenantId}.routers` });
    await connection.receive({ type: 'subscribe', id: 3, channel: 'app.status' });
    expect(connection.channels).toHaveLength(3);
    await call(admin, 'users.update', { id: otto.id, role: 'viewer' });
    expect(connection.session.user).toBeNull();
    expect(connection.channels).toEqual(['app.status']);
    await expect(core.services.auth.resume({ id: 'again', user: null }, token)).rejects.toThrow(/ended/);
    connection.close();
  });

  it('keeps the session an admin changes their own password or role from, and ends their others', async () => {
    await seedUser(core.services, { username: 'kim', role: 'tenant_admin', tenantId });
    const elsewhere = await sessionOf(core.services, (await core.services.accounts.read((tx) => tx.users.findByUsername('jane')))!);
    expect(await call(admin, 'users.update', { id: adminId, password: 'Brand-new-pass-1' })).toMatchObject({ ok: true });
    expect(admin.user).toMatchObject({ username: 'jane', role: 'tenant_admin' });
    expect(elsewhere.user).toBeNull();
    await expect(core.services.auth.resume({ id: 'x', user: null }, elsewhere.signIn.token)).rejects.toThrow(/ended/);
    expect(await call(admin, 'users.update', { id: adminId, role: 'operator' })).toMatchObject({ ok: true });
    expect(admin.user).toMatchObject({ username: 'jane', role: 'operator' });
    expect(core.db.prepare("SELECT end_reason FROM auth_sessions WHERE ended_at IS NOT NULL").pluck().all()).toEqual(['password_changed']);
  });

  it('fails a queued change for good, changing nothing, when its admin was demoted before it ran', async () => {
    const otto = await seedUser(core.services, { username: 'otto', role: 'operator', tenantId });
    await seedUser(core.services, { username: 'kim', role: 'tenant_admin', tenantId });
    const accepted = (await dispatchInvoke(core.services, admin, 'users.update', { id: otto.id, role: 'tenant_admin', password: 'Field-tech-new-2' })) as { ok: true; data: { jobId: number } };
    // Demoted between the submission and the run (jobs run after the current turn).
    core.db.prepare("UPDATE users SET role = 'operator' WHERE id = ?").run(adminId);
    await core.services.jobs.drained();
    expect(core.services.jobs.detail(accepted.data.jobId)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^Not done: jane became operator after submitting this job/) });
    expect(await core.services.accounts.read((tx) => tx.users.get(otto.id))).toMatchObject({ role: 'operator', passwordChangedAt: otto.passwordChangedAt });
    // A job that failed for good keeps no secret for an undated retry: its private input (the new
    // password's hash) is gone, and a retry by hand says to submit the change again.
    expect(core.db.prepare('SELECT count(*) FROM job_inputs').pluck().get()).toBe(0);
  });

  it("keeps the system admins' tenant list current: each created or deleted user updates the tenant's count", async () => {
    const tenantEvents: BusEvent[] = [];
    core.services.bus.subscribe('system.tenants', (e) => tenantEvents.push(e));
    await call(admin, 'users.create', newUser);
    const otto = (await core.services.accounts.read((tx) => tx.users.findByUsername('otto')))!;
    await call(admin, 'users.delete', { id: otto.id });
    expect(tenantEvents).toMatchObject([
      { name: 'TenantUpdated', payload: { tenant: { id: tenantId, name: 'Acme Net', userCount: 2 } } },
      { name: 'TenantUpdated', payload: { tenant: { id: tenantId, userCount: 1 } } },
    ]);
  });

  it('lifts a sign-in lockout on an admin’s word, for users of their own tenant only', async () => {
    await seedUser(core.services, { username: 'otto', role: 'operator', tenantId });
    const otto = (await core.services.accounts.read((tx) => tx.users.findByUsername('otto')))!;
    const signIn = (password: string) => core.services.auth.signIn({ id: `s-${Math.random()}`, user: null }, 'otto', password);
    const events: BusEvent[] = [];
    core.services.bus.subscribe(`tenant.${tenantId}.users`, (e) => events.push(e));
    for (let i = 0; i < 5; i++) await expect(signIn('wrong-password-1')).rejects.toThrow();
    await expect(signIn(TEST_PASSWORD)).rejects.toThrow(/locked until/);
    await core.services.jobs.drained();
    // The admins' list shows the lock, and learned of it live.
    const listed = (await call(admin, 'users.list', {})) as { ok: true; data: { users: Array<{ username: string; lockedUntil: string | null }> } };
    expect(listed.data.users.find((u) => u.username === 'otto')!.lockedUntil).toEqual(expect.any(String));
    expect(events).toContainEqual(expect.objectContaining({ name: 'UserUpdated', payload: expect.objectContaining({ username: 'otto', lockedUntil: expect.any(String) }) }));

    const otherTenant = (await seedTenant(core.services, 'Other Net')).id;
    const otherAdmin = await sessionOf(core.services, await seedUser(core.services, { username: 'olga', role: 'tenant_admin', tenantId: otherTenant }));
    expect(await call(otherAdmin, 'users.unlock', { id: otto.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await expect(signIn(TEST_PASSWORD)).rejects.toThrow(/locked until/);

    const accepted = (await call(admin, 'users.unlock', { id: otto.id })) as { ok: true; data: { jobId: number } };
    expect(core.services.jobs.detail(accepted.data.jobId)).toMatchObject({ queue: 'user-management', status: 'succeeded', result: { unlocked: true } });
    expect(events.at(-1)).toMatchObject({ name: 'UserUpdated', payload: { username: 'otto', lockedUntil: null } });
    await expect(signIn(TEST_PASSWORD)).resolves.toMatchObject({ user: { username: 'otto' } });
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId }, { limit: 10 }))).map((e) => e.action)).toContain('user.unlocked');
    // Not locked any more: accepted, nothing to lift, nothing recorded.
    const again = (await call(admin, 'users.unlock', { id: otto.id })) as { ok: true; data: { jobId: number } };
    expect(core.services.jobs.detail(again.data.jobId)).toMatchObject({ status: 'succeeded', result: { unlocked: false } });
    expect((await core.services.accounts.read((tx) => tx.audit.list({ tenantId }, { limit: 20 }))).filter((e) => e.action === 'user.unlocked')).toHaveLength(1);
  });

  it('deletes a user, ending their sessions, with UserDeleted and an audit entry', async () => {
    const otto = await seedUser(core.services, { username: 'otto', role: 'operator', tenantId });
    const ottoSession = await sessionOf(core.services, otto);
    const events: BusEvent[] = [];
    core.services.bus.subscribe(`tenant.${tenantId}.users`, (e) => events.push(e));
    expect(await call(admin, 'users.delete', { id: otto.id })).toMatchObject({ ok: true });
    expect(await core.services.accounts.read((tx) => tx.users.get(otto.id))).toBeNull();
    expect(ottoSession.user).toBeNull();
    await expect(core.services.auth.resume({ id: 'x', user: null }, ottoSession.signIn.token)).rejects.toThrow(/ended/);
    expect(events).toMatchObject([{ name: 'UserDeleted', payload: { id: otto.id, username: 'otto' } }]);
    expect(await core.services.accounts.read((tx) => tx.audit.list({ tenantId }, { limit: 1 }))).toMatchObject([{ action: 'user.deleted', targetLabel: 'otto' }]);
  });
});
