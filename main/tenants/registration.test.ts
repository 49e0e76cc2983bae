import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchInvoke } from '../core/dispatch';
import { startTestCore, type TestCore } from '../core/test-core';
import { seedUser, sessionOf } from '../auth/test-accounts';
import type { BusEvent } from '../events/event-bus';
import type { RegistrationInput } from './contract';
import { validateRegistration } from './registration';

const valid: RegistrationInput = {
  tenant_name: 'Acme Net',
  admin_name: 'Jane Admin',
  admin_username: 'jane',
  admin_email: 'jane@acme.example',
  admin_password: 'Str0ng-enough-pw',
  admin_password_confirmation: 'Str0ng-enough-pw',
  accept_terms: true,
};
const nothingTaken = { tenantNameTaken: () => false, usernameTaken: () => false, emailTaken: () => false };

describe('tenant registration: validation, field by field', () => {
  const table: Array<[string, Partial<RegistrationInput>, string, string]> = [
    ['tenant name required', { tenant_name: '  ' }, 'tenant_name', 'Enter the company name.'],
    ['tenant name too short', { tenant_name: 'A' }, 'tenant_name', 'A company name has 2 to 100 characters.'],
    ['tenant name too long', { tenant_name: 'x'.repeat(101) }, 'tenant_name', 'A company name has 2 to 100 characters.'],
    ['admin name required', { admin_name: '' }, 'admin_name', "Enter the person's full name."],
    ['admin name too long', { admin_name: 'n'.repeat(101) }, 'admin_name', 'A name has at most 100 characters.'],
    ['username required', { admin_username: '' }, 'admin_username', 'Enter a username.'],
    ['username too short', { admin_username: 'jo' }, 'admin_username', 'A username has 3 to 32 characters.'],
    ['username too long', { admin_username: 'j'.repeat(33) }, 'admin_username', 'A username has 3 to 32 characters.'],
    ['username characters', { admin_username: 'jane doe' }, 'admin_username', 'Use only letters, digits, dots, dashes and underscores, starting with a letter or digit.'],
    ['username first character', { admin_username: '.jane' }, 'admin_username', 'Use only letters, digits, dots, dashes and underscores, starting with a letter or digit.'],
    ['email required', { admin_email: '' }, 'admin_email', 'Enter an email address.'],
    ['email format', { admin_email: 'jane@acme' }, 'admin_email', 'Enter a valid email address, like name@example.com.'],
    ['email too long', { admin_email: `${'a'.repeat(250)}@x.io` }, 'admin_email', 'An email address has at most 254 characters.'],
    ['password required', { admin_password: '', admin_password_confirmation: '' }, 'admin_password', 'Enter a password.'],
    ['password length', { admin_password: 'Sh0rt', admin_password_confirmation: 'Sh0rt' }, 'admin_password', 'Use at least 10 characters.'],
    ['password too long', { admin_password: 'a1'.repeat(65), admin_password_confirmation: 'a1'.repeat(65) }, 'admin_password', 'Use at most 128 characters.'],
    ['password needs a digit', { admin_password: 'only-letters-here', admin_password_confirmation: 'only-letters-here' }, 'admin_password', 'Use at least one letter and one digit.'],
    ['password needs a letter', { admin_password: '1234567890', admin_password_confirmation: '1234567890' }, 'admin_password', 'Use at least one letter and one digit.'],
    ['password contains username', { admin_password: 'JANE-1234567', admin_password_confirmation: 'JANE-1234567' }, 'admin_password', 'The password must not contain the username.'],
    ['confirmation required', { admin_password_confirmation: '' }, 'admin_password_confirmation', 'Enter the password again.'],
    ['confirmation equal', { admin_password_confirmation: 'Str0ng-enough-pX' }, 'admin_password_confirmation', 'The passwords do not match.'],
    ['terms accepted', { accept_terms: false }, 'accept_terms', 'Accept the terms of service to register.'],
  ];

  it.each(table)('%s', (_rule, change, field, message) => {
    expect(validateRegistration({ ...valid, ...change }, nothingTaken)).toEqual({ [field]: message });
  });

  it('checks tenant name, username and email against existing ones', () => {
    expect(validateRegistration(valid, { tenantNameTaken: () => true, usernameTaken: () => true, emailTaken: () => true })).toEqual({
      tenant_name: 'A tenant with this name is already registered.',
      admin_username: 'This username is already taken.',
      admin_email: 'This email address is already used by another account.',
    });
  });

  it('accepts a valid form and reports every wrong field at once', () => {
    expect(validateRegistration(valid, nothingTaken)).toEqual({});
    expect(Object.keys(validateRegistration({ ...valid, tenant_name: '', admin_email: 'x', accept_terms: false }, nothingTaken)).sort()).toEqual([
      'accept_terms',
      'admin_email',
      'tenant_name',
    ]);
  });
});

describe('tenant registration through the core', () => {
  let core: TestCore;
  beforeEach(async () => (core = await startTestCore()));
  afterEach(() => core.dispose());
  const systemAdmin = async () => sessionOf(core.services, await seedUser(core.services, { username: 'root', role: 'system_admin', tenantId: null }));
  const tenantCount = () => (core.db.prepare('SELECT count(*) AS n FROM tenants').get() as { n: number }).n;

  it('answers an invalid form with invalid_input and details.fields, changing nothing', async () => {
    const admin = await systemAdmin();
    const result = await dispatchInvoke(core.services, admin, 'tenants.register', { tenant_name: 'Acme Net', admin_email: 'nope' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: {
          fields: {
            admin_name: "Enter the person's full name.",
            admin_username: 'Enter a username.',
            admin_email: 'Enter a valid email address, like name@example.com.',
            admin_password: 'Enter a password.',
            accept_terms: 'Accept the terms of service to register.',
          },
        },
      },
    });
    expect(JSON.stringify(result)).not.toContain('tenant_name');
    expect(core.db.prepare("SELECT count(*) AS n FROM jobs WHERE name = 'tenants.register'").get()).toEqual({ n: 0 });
  });

  it('creates the tenant and its admin through a job, announces it, and makes one tenant of a double submission', async () => {
    const admin = await systemAdmin();
    const seen: BusEvent[] = [];
    core.services.bus.subscribe('system.tenants', (e) => seen.push(e));
    const [first, second] = await Promise.all([
      dispatchInvoke(core.services, admin, 'tenants.register', valid),
      dispatchInvoke(core.services, admin, 'tenants.register', { ...valid, tenant_name: '  ACME   net ' }),
    ]);
    expect(first).toMatchObject({ ok: true, data: { jobId: expect.any(Number) } });
    expect(second).toMatchObject({ ok: true, data: { jobId: expect.any(Number) } });
    await core.services.jobs.drained();
    // Either one submission joined the other's queued job (whichever hashed its password
    // first enqueued), or both jobs ran and the later one found the tenant made.
    const [firstJob, secondJob] = [first, second].map((r) => (r as { data: { jobId: number; deduplicated: boolean } }).data);
    if (firstJob!.deduplicated || secondJob!.deduplicated) expect(secondJob!.jobId).toBe(firstJob!.jobId);
    else {
      const created = [firstJob!, secondJob!].map((j) => core.services.jobs.detail(j.jobId)).map((d) => (d?.status === 'succeeded' ? (d.result as { created: boolean }).created : d?.status));
      expect(created.sort()).toEqual([false, true]);
    }
    expect(tenantCount()).toBe(1);
    const tenant = (await core.services.accounts.read((tx) => tx.tenants.findByName('Acme Net')))!;
    expect(await core.services.accounts.read((tx) => tx.users.findByUsername('jane'))).toMatchObject({ tenantId: tenant.id, role: 'tenant_admin' });
    expect(seen.filter((e) => e.name === 'TenantCreated')).toMatchObject([{ name: 'TenantCreated', payload: { tenant: { name: expect.stringMatching(/^acme net$/i), userCount: 1 }, admin: { username: 'jane', email: 'j***@acme.example' } } }]);
    // Submitted again after it was created: refused on the field, still one tenant.
    const again = await dispatchInvoke(core.services, admin, 'tenants.register', valid);
    expect(again).toMatchObject({ ok: false, error: { details: { fields: { tenant_name: 'A tenant with this name is already registered.' } } } });
    expect(tenantCount()).toBe(1);
  });

  it('is idempotent when the job itself runs twice', async () => {
    const admin = await systemAdmin();
    const accepted = (await dispatchInvoke(core.services, admin, 'tenants.register', valid)) as { ok: true; data: { jobId: number } };
    await core.services.jobs.drained();
    const payload = JSON.parse(core.db.prepare('SELECT payload FROM jobs WHERE id = ?').pluck().get(accepted.data.jobId) as string);
    const rerun = core.services.jobs.enqueue('tenants.register', payload);
    await core.services.jobs.drained();
    expect(core.services.jobs.detail(rerun.jobId)).toMatchObject({ status: 'succeeded', result: { created: false } });
    expect(tenantCount()).toBe(1);
    expect((await core.services.accounts.read((tx) => tx.users.list('all'))).filter((u) => u.username === 'jane')).toHaveLength(1);
  });

  it("keeps the password, its hash and the admin's email out of the job's payload, and leaves no private input once applied", async () => {
    const admin = await systemAdmin();
    await dispatchInvoke(core.services, admin, 'tenants.register', valid);
    const payloads = (core.db.prepare('SELECT payload FROM jobs').pluck().all() as string[]).join();
    expect(payloads).toContain('"username":"jane"');
    for (const secret of [valid.admin_password, 'scrypt$', valid.admin_email, valid.admin_name]) expect(payloads).not.toContain(secret);
    await core.services.jobs.drained();
    expect(await core.services.accounts.read((tx) => tx.users.findByUsername('jane'))).toMatchObject({ email: valid.admin_email, name: valid.admin_name });
    expect(core.db.prepare('SELECT count(*) FROM job_inputs').pluck().get()).toBe(0);
  });

  it('fails a registration for good, changing nothing, when its system admin lost the right before it ran', async () => {
    const admin = await systemAdmin();
    const accepted = (await dispatchInvoke(core.services, admin, 'tenants.register', valid)) as { ok: true; data: { jobId: number } };
    // Disabled between the submission and the run: the job runs in the order it was queued.
    core.db.prepare('UPDATE users SET disabled = 1 WHERE username = ?').run('root');
    await core.services.jobs.drained();
    expect(core.services.jobs.detail(accepted.data.jobId)).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^Not done: root was disabled .* may no longer register tenants/) });
    expect(tenantCount()).toBe(0);
  });

  it('allows self-registration only when the setting is on', async () => {
    const anonymous = { id: 'anon', user: null };
    expect(await dispatchInvoke(core.services, anonymous, 'tenants.register', valid)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await dispatchInvoke(core.services, anonymous, 'tenants.selfRegister', valid)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await core.services.accounts.run((tx) => core.services.auth.updateSettings(tx, { selfRegistration: true }));
    expect(await dispatchInvoke(core.services, anonymous, 'setup.status', {})).toMatchObject({ ok: true, data: { selfRegistration: true } });
    expect(await dispatchInvoke(core.services, anonymous, 'tenants.selfRegister', valid)).toMatchObject({ ok: true });
    await core.services.jobs.drained();
    expect(tenantCount()).toBe(1);
    expect(await core.services.accounts.read((tx) => tx.audit.list({ tenantId: null }, { limit: 10 }))).toMatchObject([{ action: 'tenant.created', actorUserId: null, details: { selfRegistered: true } }]);
  });
});
