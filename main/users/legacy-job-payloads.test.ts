import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../auth/password';
import { seedUser } from '../auth/test-accounts';
import { startTestCore, type TestCore } from '../core/test-core';
import { openDatabase } from '../store/database';
import { allMigrations } from '../store/migrations';
import { migrate } from '../store/migrator';

/**
 * Jobs an older version queued with the password hash and email in their payload: the upgrade
 * moves those into the job's private input, the jobs still run, and finished jobs lose them.
 */
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const NEW_IN_THIS_CHANGE = new Set([101, 210]);

describe('account jobs queued by an older version', () => {
  let core: TestCore | null = null;
  afterEach(async () => {
    await core?.dispose();
    core = null;
  });

  it('still run after the upgrade, with nothing private left in any payload', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'noc-legacy-jobs-'));
    const db = openDatabase(join(dataDir, 'noc.db'));
    migrate(db, allMigrations.filter((m) => !NEW_IN_THIS_CHANGE.has(m.id)));
    const now = Date.now();
    const tenantId = Number(db.prepare("INSERT INTO tenants (name, name_key, created_at) VALUES ('Acme Net', 'acme net', ?)").run(now).lastInsertRowid);
    const adminHash = await hashPassword('Admin-pass-2026', CHEAP);
    const insertUser = db.prepare(`INSERT INTO users (tenant_id, name, username, username_key, email, email_key, role, password_hash, created_at, updated_at, password_changed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const janeId = Number(insertUser.run(tenantId, 'Jane Admin', 'jane', 'jane', 'jane@acme.example', 'jane@acme.example', 'tenant_admin', adminHash, now, now, now).lastInsertRowid);
    const patId = Number(insertUser.run(tenantId, 'Pat Op', 'pat', 'pat', 'pat@acme.example', 'pat@acme.example', 'operator', adminHash, now, now, now).lastInsertRowid);
    const actor = { id: janeId, username: 'jane' };
    const ottoHash = await hashPassword('Otto-secret-2026', CHEAP);
    const patHash = await hashPassword('Pat-new-secret-1', CHEAP);
    const insertJob = db.prepare(`INSERT INTO jobs (queue, name, payload, tenant_id, status, max_attempts, run_at, created_at) VALUES ('user-management', ?, ?, ?, ?, 3, ?, ?)`);
    const job = (name: string, payload: unknown, status = 'queued') => Number(insertJob.run(name, JSON.stringify(payload), tenantId, status, now, now).lastInsertRowid);
    const create = job('users.create', { tenantId, name: 'Otto Operator', username: 'otto', email: 'otto@acme.example', role: 'operator', passwordHash: ottoHash, actor });
    const update = job('users.update', { id: patId, changes: { email: 'pat.new@acme.example', passwordHash: patHash, role: 'viewer' }, actor });
    const done = job('users.create', { tenantId, name: 'Old One', username: 'old', email: 'old@acme.example', role: 'viewer', passwordHash: ottoHash, actor }, 'succeeded');
    db.close();

    core = await startTestCore({ dataDir });
    await core.services.jobs.drained();
    const { jobs, accounts } = core.services;
    expect([create, update, done].map((id) => jobs.detail(id).status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const otto = (await accounts.read((tx) => tx.users.findByUsername('otto')))!;
    expect(otto).toMatchObject({ name: 'Otto Operator', email: 'otto@acme.example', role: 'operator' });
    const hashOf = async (id: number) => (await accounts.read((tx) => tx.credentials.passwordHash(id)))!;
    expect(await verifyPassword('Otto-secret-2026', await hashOf(otto.id))).toBe(true);
    expect(await accounts.read((tx) => tx.users.get(patId))).toMatchObject({ email: 'pat.new@acme.example', role: 'viewer' });
    expect(await verifyPassword('Pat-new-secret-1', await hashOf(patId))).toBe(true);
    expect(jobs.detail(update).payload).toEqual({ id: patId, changes: { role: 'viewer' }, staged: ['email', 'password'], actor });
    const stored = (core.db.prepare('SELECT payload FROM jobs').pluck().all() as string[]).join();
    for (const secret of ['scrypt$', '@acme.example', 'Otto Operator', 'Old One']) expect(stored).not.toContain(secret);
    expect(core.db.prepare('SELECT count(*) FROM job_inputs').pluck().get()).toBe(0);
  });

  it('fails a job whose private values are gone for good, saying to submit it again', async () => {
    core = await startTestCore();
    const root = await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null });
    const { jobId } = core.services.jobs.enqueue('users.create', { tenantId: null, username: 'ghost', role: 'system_admin', actor: { id: root.id, username: 'root' } });
    await core.services.jobs.drained();
    expect(core.services.jobs.detail(jobId)).toMatchObject({
      status: 'failed',
      lastError: `job ${jobId} (users.create) has lost the values it was to apply (kept apart from its payload); submit the change again`,
      failedAttempts: [{ permanent: true }],
    });
    expect(await core.services.accounts.read((tx) => tx.users.findByUsername('ghost'))).toBeNull();
  });
});
