import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import type { BusEvent } from '../events/event-bus';
import { DomainError } from '../contract/errors';
import type { AccountsStore } from '../accounts/accounts-tx';
import { AuthService } from './auth-service';
import { TEST_PASSWORD, seedTenant, seedUser, signedIn } from './test-accounts';
import type { Session } from './session';

const MINUTE = 60_000;
const anonymous = (id = 'anon'): Session => ({ id, user: null });

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the sign-in to fail');
}

describe('sign-in, sessions and lockout', () => {
  let core: TestCore;
  let clock: number;
  let auth: AuthService;
  let tenantId: number;
  beforeEach(async () => {
    core = await startTestCore();
    clock = Date.UTC(2026, 0, 5, 9, 0, 0);
    // A service over the same store with a clock the test moves (the core's own uses Date.now);
    // test accounts have cheap hashes, which it leaves alone (no upgrade to full cost per sign-in).
    auth = new AuthService({ services: () => core.services, now: () => clock, rehash: false });
    await auth.loadSettings();
    tenantId = (await seedTenant(core.services, 'Acme Net')).id;
    await seedUser(core.services, { username: 'jane', role: 'tenant_admin', tenantId });
  });
  afterEach(async () => {
    auth.close();
    await core.dispose();
  });

  it('signs in with the right password and gives the same error for a wrong password and an unknown user', async () => {
    const session = anonymous();
    const result = signedIn(await auth.signIn(session, ' Jane ', TEST_PASSWORD));
    expect(result).toMatchObject({ token: expect.any(String), user: { username: 'jane', role: 'tenant_admin', tenantId, tenantName: 'Acme Net' } });
    expect(session.user).toMatchObject({ username: 'jane', role: 'tenant_admin', tenantId });
    const wrong = await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'));
    const unknown = await failure(auth.signIn(anonymous(), 'nobody', 'wrong-password-1'));
    expect(wrong.toContractError()).toEqual(unknown.toContractError());
    expect(wrong.code).toBe('unauthenticated');
    // Only a hash of the token is stored.
    const stored = core.db.prepare('SELECT token_hash FROM auth_sessions').pluck().all() as string[];
    expect(stored).not.toContain(result.token);
  });

  it('locks a username after 5 failures in 15 minutes, for 15 minutes, then lets the right password in', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await failure(auth.signIn(anonymous(), 'jane', `wrong-${i}-pass`))).code).toBe('unauthenticated');
      clock += 2 * MINUTE;
    }
    const fifth = await failure(auth.signIn(anonymous(), 'jane', 'wrong-5-pass'));
    expect(fifth).toMatchObject({ code: 'forbidden', details: { lockedUntil: new Date(clock + 15 * MINUTE).toISOString() } });
    // Locked: even the right password is refused, until the lock ends.
    clock += 14 * MINUTE;
    expect((await failure(auth.signIn(anonymous(), 'jane', TEST_PASSWORD))).code).toBe('forbidden');
    clock += 1 * MINUTE + 1;
    await expect(auth.signIn(anonymous(), 'jane', TEST_PASSWORD)).resolves.toMatchObject({ user: { username: 'jane' } });
  });

  it('counts only failures inside the window, and a success resets the count', async () => {
    for (let i = 0; i < 4; i++) await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'));
    clock += 16 * MINUTE; // the four fall out of the window
    for (let i = 0; i < 4; i++) expect((await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'))).code).toBe('unauthenticated');
    await auth.signIn(anonymous(), 'jane', TEST_PASSWORD);
    for (let i = 0; i < 4; i++) expect((await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'))).code).toBe('unauthenticated');
    expect((await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'))).code).toBe('forbidden');
  });

  it('locks unknown usernames the same way, so a lockout does not reveal that an account exists', async () => {
    const errors: string[] = [];
    for (let i = 0; i < 6; i++) errors.push((await failure(auth.signIn(anonymous(), 'ghost', 'wrong-password-1'))).code);
    expect(errors).toEqual(['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated', 'forbidden', 'forbidden']);
  });

  it('uses the configured limits', async () => {
    await core.services.accounts.run((tx) => auth.updateSettings(tx, { maxFailures: 2, lockMinutes: 1 }));
    await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'));
    expect((await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'))).code).toBe('forbidden');
    clock += MINUTE;
    await expect(auth.signIn(anonymous(), 'jane', TEST_PASSWORD)).resolves.toBeTruthy();
  });

  it('tracks every attempt through the auth-tracking queue: audit entries, LoginFailed and AccountLocked for admins', async () => {
    const system: BusEvent[] = [];
    const tenant: BusEvent[] = [];
    core.services.bus.subscribe('system.security', (e) => system.push(e));
    core.services.bus.subscribe(`tenant.${tenantId}.security`, (e) => tenant.push(e));
    await core.services.accounts.run((tx) => auth.updateSettings(tx, { maxFailures: 2 }));
    await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'));
    await failure(auth.signIn(anonymous(), 'jane', 'wrong-password-1'));
    await failure(auth.signIn(anonymous(), 'ghost', 'wrong-password-1'));
    await core.services.jobs.drained();
    const queued = core.db.prepare("SELECT count(*) FROM jobs WHERE queue = 'auth-tracking' AND status = 'succeeded'").pluck().get();
    expect(queued).toBe(3);
    expect(system.map((e) => `${e.name}:${(e.payload as { username: string }).username}`)).toEqual(['LoginFailed:jane', 'LoginFailed:jane', 'AccountLocked:jane', 'LoginFailed:ghost']);
    // The tenant's admins hear about their own account only, never about unknown names.
    expect(tenant.map((e) => e.name)).toEqual(['LoginFailed', 'LoginFailed', 'AccountLocked']);
    const audit = (scope: { tenantId: number | null }) => core.services.accounts.read((tx) => tx.audit.list(scope, { limit: 10 }));
    expect((await audit({ tenantId })).map((e) => e.action)).toEqual(['auth.account_locked', 'auth.sign_in_failed', 'auth.sign_in_failed']);
    expect(await audit({ tenantId: null })).toMatchObject([{ action: 'auth.sign_in_failed', targetLabel: 'ghost', actorUserId: null }]);
  });

  it('resumes a session by token on another connection, until sign-out, idle or absolute expiry', async () => {
    const first = anonymous('first');
    const { token } = signedIn(await auth.signIn(first, 'jane', TEST_PASSWORD));
    const second = anonymous('second');
    expect(await auth.resume(second, token)).toMatchObject({ user: { username: 'jane' } });
    expect(second.user?.username).toBe('jane');
    expect(await auth.signOut(second)).toBe(true);
    expect(first.user).toBeNull(); // the same session, ended everywhere
    await expect(auth.resume(anonymous(), token)).rejects.toThrow(/ended/);

    const idle = signedIn(await auth.signIn(anonymous(), 'jane', TEST_PASSWORD));
    clock += 8 * 60 * MINUTE + 1;
    await expect(auth.resume(anonymous(), idle.token)).rejects.toThrow(/expired/);

    const absolute = anonymous('abs');
    const { token: absToken } = signedIn(await auth.signIn(absolute, 'jane', TEST_PASSWORD));
    for (let hour = 0; hour < 24; hour++) {
      clock += 60 * MINUTE;
      await auth.refresh(absolute); // activity every hour keeps it from going idle
    }
    expect(absolute.user).toBeNull();
    await expect(auth.resume(anonymous(), absToken)).rejects.toThrow(/ended|expired/);
  });

  it('changes a password only with the current one, ending the other sessions', async () => {
    const here = anonymous('here');
    const elsewhere = anonymous('elsewhere');
    await auth.signIn(here, 'jane', TEST_PASSWORD);
    await auth.signIn(elsewhere, 'jane', TEST_PASSWORD);
    const check = () => null;
    await expect(auth.changePassword(here, 'not-the-password', 'N3w-password-ok', check)).rejects.toMatchObject({ details: { fields: { currentPassword: expect.any(String) } } });
    await auth.changePassword(here, TEST_PASSWORD, 'N3w-password-ok', check);
    expect(here.user?.username).toBe('jane');
    expect(elsewhere.user).toBeNull();
    expect((await failure(auth.signIn(anonymous(), 'jane', TEST_PASSWORD))).code).toBe('unauthenticated');
    await expect(auth.signIn(anonymous(), 'jane', 'N3w-password-ok')).resolves.toBeTruthy();
  });

  it("upgrades a hash made with older scrypt parameters at sign-in, keeping the password", async () => {
    const { needsRehash } = await import('./password');
    const hashOfJane = () => core.services.accounts.read(async (tx) => (await tx.credentials.forUsername('jane'))!.passwordHash);
    const before = await hashOfJane();
    expect(needsRehash(before)).toBe(true);
    await core.services.auth.signIn(anonymous(), 'jane', TEST_PASSWORD);
    await core.services.auth.settled();
    const after = await hashOfJane();
    expect(needsRehash(after)).toBe(false);
    await expect(auth.signIn(anonymous(), 'jane', TEST_PASSWORD)).resolves.toBeTruthy();
  });

  it('records nothing of a sign-in whose unit of work fails: no attempt, no session, nobody signed in', async () => {
    const { accounts } = core.services;
    // The attempt's tracking job cannot be queued, so the unit that records the attempt and opens the session rolls back.
    const failing: AccountsStore = {
      run: (work) => accounts.run((tx) => work({ ...tx, jobs: { enqueue: () => Promise.reject(new Error('queue unavailable')) } })),
      read: (work) => accounts.read(work),
    };
    const broken = new AuthService({ services: () => ({ ...core.services, accounts: failing }), now: () => clock, rehash: false });
    await broken.loadSettings();
    const session = anonymous();
    await expect(broken.signIn(session, 'jane', TEST_PASSWORD)).rejects.toThrow('queue unavailable');
    await expect(broken.signIn(anonymous(), 'jane', 'wrong-password-1')).rejects.toThrow('queue unavailable');
    broken.close();
    expect(session.user).toBeNull();
    expect(broken.liveSessions()).toBe(0);
    const count = (sql: string) => core.db.prepare(`SELECT count(*) FROM ${sql}`).pluck().get();
    expect([count('auth_attempts'), count('auth_sessions'), count("jobs WHERE queue = 'auth-tracking'")]).toEqual([0, 0, 0]);
  });

  it('refuses a disabled account even with the right password, and ends its live sessions', async () => {
    const live = anonymous('live');
    await auth.signIn(live, 'jane', TEST_PASSWORD);
    const jane = (await core.services.accounts.read((tx) => tx.users.findByUsername('jane')))!;
    await core.services.accounts.run((tx) => tx.users.update(jane.id, { disabled: true }, clock));
    await auth.userChanged(jane.id);
    expect(live.user).toBeNull();
    expect(await failure(auth.signIn(anonymous(), 'jane', TEST_PASSWORD))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/disabled/) });
  });
});

describe('first run', () => {
  let core: TestCore;
  beforeEach(async () => (core = await startTestCore()));
  afterEach(() => core.dispose());
  const admin = { name: 'Root Admin', username: 'root', email: 'root@noc.example', password: 'F1rst-admin-pw', password_confirmation: 'F1rst-admin-pw' };

  it('creates the system admin once from the setup screen, never again', async () => {
    const session = anonymous();
    expect(await dispatchInvoke(core.services, session, 'setup.status', {})).toEqual({ ok: true, data: { needsSetup: true, selfRegistration: false } });
    expect(await dispatchInvoke(core.services, session, 'setup.createAdmin', { ...admin, password_confirmation: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: { password_confirmation: 'The passwords do not match.' } } },
    });
    expect(await dispatchInvoke(core.services, session, 'setup.createAdmin', admin)).toMatchObject({ ok: true, data: { user: { username: 'root', role: 'system_admin', tenantId: null } } });
    expect(session.user).toMatchObject({ role: 'system_admin' });
    expect(await dispatchInvoke(core.services, anonymous('late'), 'setup.createAdmin', { ...admin, username: 'other' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatchInvoke(core.services, session, 'setup.status', {})).toMatchObject({ ok: true, data: { needsSetup: false } });
  });

  it('creates the system admin from NOC_ADMIN_USERNAME / NOC_ADMIN_PASSWORD, and refuses a weak one', async () => {
    const { bootstrapAdminFromEnv } = await import('./first-run');
    await expect(bootstrapAdminFromEnv(core.services, { NOC_ADMIN_USERNAME: 'ops', NOC_ADMIN_PASSWORD: 'short' })).rejects.toThrow(/password: Use at least 10 characters/);
    expect(await bootstrapAdminFromEnv(core.services, {})).toBeNull();
    await bootstrapAdminFromEnv(core.services, { NOC_ADMIN_USERNAME: 'ops', NOC_ADMIN_PASSWORD: 'Env-admin-pw-1' });
    expect(await dispatchInvoke(core.services, anonymous(), 'auth.signIn', { username: 'ops', password: 'Env-admin-pw-1' })).toMatchObject({ ok: true, data: { user: { role: 'system_admin' } } });
    // With a user present the variables are ignored.
    expect(await bootstrapAdminFromEnv(core.services, { NOC_ADMIN_USERNAME: 'ops2', NOC_ADMIN_PASSWORD: 'Env-admin-pw-2' })).toBeNull();
  });
});
