import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthSessionStore } from '../auth/auth-session-store';
import { DEFAULT_AUTH_SETTINGS } from '../auth/auth-settings';
import { SignInAttempts } from '../auth/sign-in-attempts';
import { seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { waitForEvent } from '../events/wait-for-event';
import type { UserRecord } from '../users/user-repository';

const DAY = 86_400_000;

describe('retention sweep', () => {
  let core: TestCore;
  let admin: UserRecord;
  const now = Date.now();
  const ago = (days: number) => now - days * DAY;
  const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  beforeEach(async () => {
    core = await startTestCore();
    admin = await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null });
  });
  afterEach(() => core.dispose());

  /** Runs the sweep as the schedule would: a job on the engine, waited for by its event. */
  async function runSweep(): Promise<Record<string, number>> {
    const { jobs, bus } = core.services;
    const { db } = core;
    const { jobId } = jobs.enqueue('retention.sweep', {}, { tenantId: null });
    await waitForEvent(bus, 'system.jobs', (e) => ['JobProcessed', 'JobFailed'].includes(e.name) && (e.payload as { items: Array<{ id: number }> }).items.some((i) => i.id === jobId));
    const row = db.prepare('SELECT status, result, queue FROM jobs WHERE id = ?').get(jobId) as { status: string; result: string; queue: string };
    expect(row).toMatchObject({ status: 'succeeded', queue: 'log-rotation' });
    return JSON.parse(row.result) as Record<string, number>;
  }

  function seedAudit(days: number, label: string): Promise<void> {
    return core.services.accounts.run((tx) => tx.audit.record({ at: ago(days), tenantId: null, actor: admin, action: 'settings.updated', target: { type: 'settings', id: null, label } }));
  }

  it('is scheduled daily on the log-rotation queue', () => {
    const row = core.db.prepare('SELECT job_name, daily_at FROM job_schedules WHERE key = ?').get('retention.daily');
    expect(row).toEqual({ job_name: 'retention.sweep', daily_at: '03:47' });
  });

  it('deletes audit entries, sign-in attempts, ended lockouts and over sessions past their retention, and keeps newer ones', async () => {
    await seedAudit(400, 'old');
    await seedAudit(300, 'kept');
    const attempts = new SignInAttempts(core.db);
    const attempt = (days: number, username: string) =>
      attempts.recordFailure({ usernameKey: username, username, userId: null, tenantId: null, outcome: 'bad_credentials', at: ago(days) }, { ...DEFAULT_AUTH_SETTINGS, maxFailures: 1 });
    attempt(45, 'old-guess'); // also locks 'old-guess' until 45 days ago (+15 min)
    attempt(10, 'recent-guess'); // locked until 10 days ago: kept with its attempt's month
    const sessions = new AuthSessionStore(core.db);
    const ended = sessions.create(admin.id, ago(40), DAY);
    sessions.end(ended.row.id, ago(40), 'signed_out');
    sessions.create(admin.id, ago(35), DAY); // never ended, expired 34 days ago
    const open = sessions.create(admin.id, now, DAY);
    const endedRecently = sessions.create(admin.id, ago(2), DAY);
    sessions.end(endedRecently.row.id, ago(2), 'signed_out');

    const removed = await runSweep();

    expect(removed).toEqual({ auditEntries: 1, signInAttempts: 1, lockouts: 1, sessions: 2 });
    const labels = core.db.prepare('SELECT target_label FROM audit_log ORDER BY id').pluck().all();
    expect(labels).toContain('kept');
    expect(labels).not.toContain('old');
    expect(core.db.prepare('SELECT username FROM auth_attempts').pluck().all()).toEqual(['recent-guess']);
    expect(core.db.prepare('SELECT username_key FROM auth_lockouts').pluck().all()).toEqual(['recent-guess']);
    expect(core.db.prepare('SELECT id FROM auth_sessions ORDER BY id').pluck().all()).toEqual([open.row.id, endedRecently.row.id]);
    // Run again: nothing left to remove, nothing newer touched.
    expect(await runSweep()).toEqual({ auditEntries: 0, signInAttempts: 0, lockouts: 0, sessions: 0 });
  });

  it('follows the audit retention a system admin sets, and lets no one else set it', async () => {
    const root = await sessionOf(core.services, admin);
    expect(await dispatchInvoke(core.services, root, 'retention.settings', {})).toMatchObject({ ok: true, data: { auditDays: 365, signInAttemptsDays: 30 } });
    expect(await dispatchInvoke(core.services, root, 'retention.updateSettings', { auditDays: 7 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const tenantId = (await seedTenant(core.services, 'Acme Net')).id;
    const tenantAdmin = await sessionOf(core.services, await seedUser(core.services, { username: 'acme-admin', role: 'tenant_admin', tenantId }));
    expect(await dispatchInvoke(core.services, tenantAdmin, 'retention.updateSettings', { auditDays: 30 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await seedAudit(60, 'two months');
    await seedAudit(20, 'three weeks');
    expect(await dispatchInvoke(core.services, root, 'retention.updateSettings', { auditDays: 30 })).toMatchObject({ ok: true, data: { auditDays: 30 } });
    const before = count('audit_log');
    const removed = await runSweep();
    expect(removed.auditEntries).toBe(1);
    expect(count('audit_log')).toBe(before - 1);
    const labels = core.db.prepare('SELECT target_label FROM audit_log').pluck().all();
    expect(labels).toEqual(expect.arrayContaining(['three weeks', 'retention'])); // the change itself is audited
    expect(labels).not.toContain('two months');
  });

  it('deletes a backlog larger than one batch', async () => {
    const insert = core.db.prepare("INSERT INTO audit_log (at, action) VALUES (?, 'settings.updated')");
    core.db.transaction(() => {
      for (let i = 0; i < 4_500; i++) insert.run(ago(400) + i);
    })();
    await seedAudit(1, 'today');
    expect((await runSweep()).auditEntries).toBe(4_500);
    expect(count('audit_log')).toBe(1);
  });
});
