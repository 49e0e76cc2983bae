import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { seedTenant, seedUser, sessionOf } from '../auth/test-accounts';
import type { BusEvent } from '../events/event-bus';
import type { Session } from '../auth/session';
import type { BackupOverview } from './contract';
import { backupFileName, backupFolder } from './backup-folder';
import { readBackupSettings } from './backup-settings';

describe('backups', () => {
  let core: TestCore;
  let admin: Session;
  const changes: BackupOverview[] = [];
  let waiters: Array<() => void> = [];
  /** Resolves at the next BackupsChanged on system.backups. */
  const nextChange = () => new Promise<void>((resolve) => waiters.push(resolve));

  beforeEach(async () => {
    core = await startTestCore();
    admin = await sessionOf(core.services, await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null }));
    core.services.bus.subscribe('system.backups', (event: BusEvent) => {
      changes.push(event.payload as BackupOverview);
      for (const resolve of waiters.splice(0)) resolve();
    });
  });
  afterEach(async () => {
    changes.length = 0;
    waiters = [];
    await core.dispose();
  });

  const invoke = (session: Session, name: 'backups.list' | 'backups.create' | 'backups.updateSettings', input: object) =>
    dispatchInvoke(core.services, session, name, input as never);
  const backUpNow = async () => {
    const changed = nextChange();
    const reply = await invoke(admin, 'backups.create', {});
    expect(reply).toMatchObject({ ok: true, data: { jobId: expect.any(Number) } });
    await changed;
    // The job publishes before its outcome commits; until then a second "Back up now" would get this job.
    await core.services.jobs.drained();
    return changes.at(-1)!;
  };
  const usersIn = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[], { username: string }>('SELECT username FROM users ORDER BY username').all().map((u) => u.username);
    } finally {
      db.close();
    }
  };

  it('backs up on demand as a job, online, into a whole one-file copy of the store', async () => {
    await seedUser(core.services, { username: 'alice', role: 'system_admin', tenantId: null });
    const overview = await backUpNow();
    expect(overview).toMatchObject({ folder: backupFolder(core.dataDir), keep: 7, secretKeyIncluded: false, backups: [{ kind: 'manual' }] });
    const [backup] = overview.backups;
    expect(backup!.sizeBytes).toBeGreaterThan(0);
    const file = join(overview.folder, backup!.name);
    expect(usersIn(file)).toEqual(['alice', 'root']);
    // One file: no WAL, so it reads from read-only media; and no partial file left behind.
    expect(new Database(file, { readonly: true }).pragma('journal_mode', { simple: true })).toBe('delete');
    expect(existsSync(`${file}.partial`)).toBe(false);
    // It holds the whole store: only this user may open the folder or read the file (POSIX modes; Windows has ACLs instead).
    if (process.platform !== 'win32') {
      expect(statSync(overview.folder).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    // The console kept its store: the live connection still writes.
    await seedUser(core.services, { username: 'bob', role: 'system_admin', tenantId: null });
    expect((await invoke(admin, 'backups.list', {})) as { data: BackupOverview }).toMatchObject({ ok: true, data: { backups: [{ name: backup!.name }] } });
  });

  it('tightens a backups folder an older version made readable by others', async () => {
    mkdirSync(backupFolder(core.dataDir), { recursive: true, mode: 0o755 });
    const overview = await backUpNow();
    if (process.platform !== 'win32') expect(statSync(overview.folder).mode & 0o777).toBe(0o700);
    expect(overview.backups).toHaveLength(1);
  });

  it('is for system admins only', async () => {
    const tenant = await seedTenant(core.services, 'North');
    const tenantAdmin = await sessionOf(core.services, await seedUser(core.services, { username: 'tina', role: 'tenant_admin', tenantId: tenant.id }));
    for (const name of ['backups.list', 'backups.create', 'backups.updateSettings'] as const) {
      expect(await invoke(tenantAdmin, name, name === 'backups.updateSettings' ? { keep: 1 } : {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(existsSync(backupFolder(core.dataDir))).toBe(false);
  });

  it('runs daily by the stored schedule', async () => {
    const schedule = core.db.prepare("SELECT daily_at, next_run_at FROM job_schedules WHERE key = 'backups.daily'").get() as { daily_at: string; next_run_at: number };
    expect(schedule.daily_at).toBe('02:30');
    const next = new Date(schedule.next_run_at);
    expect([next.getHours(), next.getMinutes()]).toEqual([2, 30]);
    expect(schedule.next_run_at - Date.now()).toBeLessThanOrEqual(86_400_000);
    // Its time has come: the engine enqueues it as it would at 02:30.
    core.db.prepare("UPDATE job_schedules SET next_run_at = 0 WHERE key = 'backups.daily'").run();
    const changed = nextChange();
    core.services.jobs.checkDue();
    await changed;
    expect(changes.at(-1)!.backups).toEqual([expect.objectContaining({ kind: 'scheduled' })]);
  });

  it('keeps the newest N scheduled and manual backups, never a copy kept by a restore', async () => {
    const folder = backupFolder(core.dataDir);
    await backUpNow();
    const kept = join(folder, backupFileName(Date.parse('2020-01-01T00:00:00Z'), 'before-restore'));
    writeFileSync(kept, 'the store a restore replaced');
    expect(await invoke(admin, 'backups.updateSettings', { keep: 2 })).toMatchObject({ ok: true, data: { keep: 2 } });
    await backUpNow();
    const third = await backUpNow();
    expect(third.backups.map((b) => b.kind)).toEqual(['manual', 'manual', 'before-restore']);
    const newest = third.backups[0]!.name;

    const changed = nextChange();
    const lowered = await invoke(admin, 'backups.updateSettings', { keep: 1 });
    await changed;
    expect(lowered).toMatchObject({ ok: true, data: { keep: 1, backups: [{ name: newest }, { kind: 'before-restore' }] } });
    expect(changes.at(-1)!.backups).toHaveLength(2);
    expect(await invoke(admin, 'backups.updateSettings', { keep: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Audited like every settings change.
    const audit = core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'settings.updated' AND target_label = 'backups'").get() as { n: number };
    expect(audit.n).toBe(2);
  });

  it('stores a new keep only together with its audit entry, and prunes nothing when that fails', async () => {
    const folder = backupFolder(core.dataDir);
    await backUpNow();
    await backUpNow();
    // A real failure of the audit write inside the store (as a full disk would give).
    core.db.exec("CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit write failed'); END");
    expect(await invoke(admin, 'backups.updateSettings', { keep: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await core.services.accounts.read((tx) => readBackupSettings(tx.settings))).keep).toBe(7);
    const listed = (await invoke(admin, 'backups.list', {})) as { ok: true; data: BackupOverview };
    expect(listed).toMatchObject({ ok: true, data: { keep: 7, folder } });
    expect(listed.data.backups).toHaveLength(2);
  });
});
