import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../contract/protocol';
import type { HeadlessHost } from '../host/headless-host';
import { startTestHost, type TestHost } from '../host/test-host';
import type { WsTestClient } from '../host/ws-test-client';
import { TEST_PASSWORD, seedTenant, seedUser } from './test-accounts';
import type { SignInResult } from './contract';
import type { RecoveryCodes, SecondStepRequired, TwoFactorEnrolment, TwoFactorStatus } from './two-factor-contract';

/**
 * Two-factor sign-in over the real wire: a headless host, raw WebSocket clients, TOTP codes made
 * with otplib from the secret the enrolment showed. Each user's codes are used at most once per
 * 30 s step (that is the point), so each scenario has its own users and uses the current step
 * for enrolment and the next one for sign-in: both are valid whenever the host checks them.
 */
const ROOT = { username: 'root', password: 'Console-admin-pw-1' };

function data<T>(message: ServerMessage): T {
  if (message.type !== 'result' || !message.ok) throw new Error(`expected a successful result, got ${JSON.stringify(message)}`);
  return message.data as T;
}
const failure = (message: ServerMessage) => (message.type === 'result' && !message.ok ? message.error : { code: 'ok', message: '', details: undefined });

/** The code of the current step (offset 0) or a later one, as the user's phone would show it. */
const codeAt = (secret: string, stepOffset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepOffset * 30 });
/** A six-digit code that is none of the codes the host could accept now. */
async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-2, -1, 0, 1, 2].map((offset) => codeAt(secret, offset))));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

describe('two-factor sign-in over the WebSocket', () => {
  let testHost: TestHost;
  let host: HeadlessHost;
  let tenantId: number;
  let root: WsTestClient;
  /** Every secret and recovery code handed out, to look for in the database file at the end. */
  const handedOut: string[] = [];

  const connect = () => testHost.connect();
  const signIn = async (username: string, password = TEST_PASSWORD) => {
    const client = await connect();
    return { client, reply: await client.invoke('auth.signIn', { username, password }) };
  };
  /** Signs in (no code step yet), enrols, confirms with the current code; returns the secret and recovery codes. */
  const enrol = async (client: WsTestClient) => {
    const enrolment = data<TwoFactorEnrolment>(await client.invoke('auth.twoFactor.begin', {}));
    const { recoveryCodes } = data<RecoveryCodes>(await client.invoke('auth.twoFactor.confirm', { code: await codeAt(enrolment.secret) }));
    handedOut.push(enrolment.secret, ...recoveryCodes);
    return { secret: enrolment.secret, recoveryCodes };
  };
  const enrolledUser = async (username: string, role: 'operator' | 'tenant_admin' = 'operator') => {
    await seedUser(host.core.services, { username, role, tenantId });
    const { client, reply } = await signIn(username);
    data<SignInResult>(reply);
    return { client, ...(await enrol(client)) };
  };

  beforeAll(async () => {
    testHost = await startTestHost({
      env: { NOC_ADMIN_USERNAME: ROOT.username, NOC_ADMIN_PASSWORD: ROOT.password },
      // Every sign-in here comes from 127.0.0.1; the sign-in rate limit is not what this file tests.
      invokeLimits: { signInsPerAddress: { points: 1000, seconds: 60 } },
    });
    host = testHost.host;
    tenantId = (await seedTenant(host.core.services, 'Alpha Net')).id;
    ({ client: root } = await signIn(ROOT.username, ROOT.password));
    data(await root.subscribe('system.security'));
  });

  afterAll(() => testHost?.dispose());

  it('enrols from My Account with a QR code and a confirming code, then signs in with the password and then the code', async () => {
    await seedUser(host.core.services, { username: 'otto', role: 'operator', tenantId });
    const { client } = await signIn('otto');
    expect(data<TwoFactorStatus>(await client.invoke('auth.twoFactor.status', {}))).toMatchObject({ enrolled: false, required: false, enrolling: false });
    const enrolment = data<TwoFactorEnrolment>(await client.invoke('auth.twoFactor.begin', {}));
    handedOut.push(enrolment.secret);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Not in effect until confirmed: the password alone still signs in.
    expect(data<SignInResult>((await signIn('otto')).reply).token).toEqual(expect.any(String));
    expect(failure(await client.invoke('auth.twoFactor.confirm', { code: await wrongCode(enrolment.secret) }))).toMatchObject({ code: 'invalid_input', details: { fields: { code: expect.any(String) } } });
    const { recoveryCodes } = data<RecoveryCodes>(await client.invoke('auth.twoFactor.confirm', { code: await codeAt(enrolment.secret) }));
    handedOut.push(...recoveryCodes);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(data<TwoFactorStatus>(await client.invoke('auth.twoFactor.status', {}))).toMatchObject({ enrolled: true, recoveryCodesLeft: 10 });

    // The password step signs nobody in and gives no token.
    const { client: laptop, reply } = await signIn('otto');
    const step = data<SecondStepRequired & Partial<SignInResult>>(reply);
    expect(step).toEqual({ secondStep: 'two_factor', expiresAt: expect.any(String) });
    expect(Date.parse(step.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(data(await laptop.invoke('auth.me', {}))).toEqual({ user: null });
    expect(failure(await laptop.invoke('routers.list', {})).code).toBe('unauthenticated');
    // The pending step belongs to that connection: another one cannot finish it.
    const code = await codeAt(enrolment.secret, 1);
    const elsewhere = await connect();
    expect(failure(await elsewhere.invoke('auth.completeSignIn', { code })).code).toBe('unauthenticated');
    const signedIn = data<SignInResult>(await laptop.invoke('auth.completeSignIn', { code }));
    expect(signedIn).toMatchObject({ token: expect.any(String), user: { username: 'otto', role: 'operator' } });
    expect(signedIn.restriction).toBeUndefined();
    expect(data(await laptop.invoke('routers.list', {}))).toEqual(expect.any(Array));
    // The session token is a full session: it resumes on a new connection.
    expect(data(await (await connect()).invoke('auth.resume', { token: signedIn.token }))).toMatchObject({ user: { username: 'otto' } });

    // The same code again, within its 30 s step: refused as a replay.
    const { client: phone } = await signIn('otto');
    expect(failure(await phone.invoke('auth.completeSignIn', { code }))).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/already used/) });
    expect(data(await phone.invoke('auth.me', {}))).toEqual({ user: null });
  });

  it('counts wrong codes toward the lockout with wrong passwords, and locks with LoginFailed and AccountLocked', async () => {
    const { secret } = await enrolledUser('lena');
    const seen = root.received.length;
    for (let i = 0; i < 2; i++) expect(failure((await signIn('lena', 'not-the-password-1')).reply).code).toBe('unauthenticated');
    const { client } = await signIn('lena');
    const wrong = await wrongCode(secret);
    for (let i = 0; i < 2; i++) expect(failure(await client.invoke('auth.completeSignIn', { code: wrong }))).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/code is wrong/) });
    // The fifth failure (two passwords, three codes) locks the account.
    expect(failure(await client.invoke('auth.completeSignIn', { code: wrong }))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/locked until/) });
    expect(failure(await client.invoke('auth.completeSignIn', { code: await codeAt(secret, 1) })).code).toBe('unauthenticated');
    expect(failure((await signIn('lena')).reply)).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/locked until/) });

    await root.next((m) => m.type === 'event' && m.name === 'AccountLocked' && (m.payload as { username: string }).username === 'lena');
    const events = root.received.slice(seen).flatMap((m) => (m.type === 'event' && (m.payload as { username?: string }).username === 'lena' ? [m] : []));
    const failed = events.filter((e) => e.name === 'LoginFailed').map((e) => (e.payload as { reason: string }).reason);
    expect(failed.slice(0, 5)).toEqual(['bad_credentials', 'bad_credentials', 'bad_code', 'bad_code', 'bad_code']);
    expect(events.find((e) => e.name === 'AccountLocked')?.payload).toMatchObject({ failures: 5, tenantId });
  });

  it('lets each recovery code sign in once; new codes replace the old; disabling needs the password and a code', async () => {
    const { secret, recoveryCodes } = await enrolledUser('rita');
    const first = await signIn('rita');
    data<SignInResult>(await first.client.invoke('auth.completeSignIn', { code: recoveryCodes[0] }));
    expect(data<TwoFactorStatus>(await first.client.invoke('auth.twoFactor.status', {})).recoveryCodesLeft).toBe(9);
    const second = await signIn('rita');
    expect(failure(await second.client.invoke('auth.completeSignIn', { code: recoveryCodes[0] })).code).toBe('unauthenticated');
    // Typed loosely (upper case, no dashes) it is still the same code.
    data<SignInResult>(await second.client.invoke('auth.completeSignIn', { code: recoveryCodes[1]!.replace(/-/g, '').toUpperCase() }));
    await host.core.services.jobs.drained();
    const audit = (await host.core.services.accounts.read((tx) => tx.audit.list({ tenantId }, { limit: 50 }))).filter((e) => e.targetLabel === 'rita').map((e) => e.action);
    expect(audit.filter((a) => a === 'auth.recovery_code_used')).toHaveLength(2);
    expect(audit).toContain('auth.two_factor_enabled');

    const account = second.client;
    expect(failure(await account.invoke('auth.twoFactor.regenerateRecoveryCodes', { code: await wrongCode(secret) }))).toMatchObject({ code: 'invalid_input', details: { fields: { code: expect.any(String) } } });
    const renewed = data<RecoveryCodes>(await account.invoke('auth.twoFactor.regenerateRecoveryCodes', { code: await codeAt(secret, 1) }));
    handedOut.push(...renewed.recoveryCodes);
    const third = await signIn('rita');
    expect(failure(await third.client.invoke('auth.completeSignIn', { code: recoveryCodes[2] })).code).toBe('unauthenticated');

    expect(failure(await account.invoke('auth.twoFactor.disable', { password: 'not-the-password-1', code: renewed.recoveryCodes[0] }))).toMatchObject({ code: 'invalid_input', details: { fields: { password: expect.any(String) } } });
    expect(data(await account.invoke('auth.twoFactor.disable', { password: TEST_PASSWORD, code: renewed.recoveryCodes[0] }))).toEqual({ disabled: true });
    expect(data<SignInResult>((await signIn('rita')).reply).token).toEqual(expect.any(String));
  });

  it('counts wrong passwords given to turn two-factor off toward the lockout, so they cannot be guessed there', async () => {
    const { client, secret } = await enrolledUser('dora');
    const seen = root.received.length;
    for (let i = 0; i < 4; i++) {
      expect(failure(await client.invoke('auth.twoFactor.disable', { password: `guess-number-${i}`, code: await codeAt(secret, 1) }))).toMatchObject({
        code: 'invalid_input',
        details: { fields: { password: expect.any(String) } },
      });
    }
    // The fifth wrong password locks the account, as five wrong passwords at sign-in would.
    expect(failure(await client.invoke('auth.twoFactor.disable', { password: 'guess-number-4', code: await codeAt(secret, 1) }))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/locked until/) });
    // Locked: the right password turns nothing off, and signs nobody in.
    expect(failure(await client.invoke('auth.twoFactor.disable', { password: TEST_PASSWORD, code: await codeAt(secret, 1) }))).toMatchObject({ code: 'forbidden', details: { lockedUntil: expect.any(String) } });
    expect(data<TwoFactorStatus>(await client.invoke('auth.twoFactor.status', {})).enrolled).toBe(true);
    expect(failure((await signIn('dora')).reply)).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/locked until/) });

    await root.next((m) => m.type === 'event' && m.name === 'AccountLocked' && (m.payload as { username: string }).username === 'dora');
    const failed = root.received
      .slice(seen)
      .flatMap((m) => (m.type === 'event' && m.name === 'LoginFailed' && (m.payload as { username: string }).username === 'dora' ? [(m.payload as { reason: string }).reason] : []));
    expect(failed.slice(0, 5)).toEqual(Array(5).fill('bad_credentials'));
  });

  it("signs out the user's other sessions when two-factor sign-in is turned on, and keeps the one it was turned on from", async () => {
    await seedUser(host.core.services, { username: 'owen', role: 'operator', tenantId });
    const current = await signIn('owen');
    const other = await signIn('owen');
    const otherToken = data<SignInResult>(other.reply).token;
    data(await other.client.subscribe(`tenant.${tenantId}.routers`));
    await enrol(current.client);
    expect(data(await other.client.invoke('auth.me', {}))).toEqual({ user: null });
    expect(failure(await other.client.invoke('routers.list', {})).code).toBe('unauthenticated');
    expect(failure(await (await connect()).invoke('auth.resume', { token: otherToken }))).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/ended/) });
    expect(data(await current.client.invoke('routers.list', {}))).toEqual(expect.any(Array));
    expect(data(await (await connect()).invoke('auth.resume', { token: data<SignInResult>(current.reply).token }))).toMatchObject({ user: { username: 'owen' } });
    const reasons = host.core.db
      .prepare("SELECT end_reason FROM auth_sessions WHERE user_id = (SELECT id FROM users WHERE username = 'owen') AND ended_at IS NOT NULL")
      .pluck()
      .all();
    expect(reasons).toEqual(['two_factor_enabled']);
  });

  it("takes a tenant's admins to enrolment once the tenant requires it, and lets nothing else through until they enrol", async () => {
    const beta = (await seedTenant(host.core.services, 'Beta Net')).id;
    await seedUser(host.core.services, { username: 'bea', role: 'tenant_admin', tenantId: beta });
    await seedUser(host.core.services, { username: 'ben', role: 'tenant_admin', tenantId: beta });
    await seedUser(host.core.services, { username: 'olga', role: 'operator', tenantId: beta });
    const { client: bea } = await signIn('bea');
    data(await bea.subscribe(`tenant.${beta}.users`));
    const { client: ben, reply: before } = await signIn('ben');
    expect(data<SignInResult>(before).restriction).toBeUndefined();

    expect(data(await bea.invoke('auth.updateTenantPolicy', { requireTwoFactorForAdmins: true }))).toEqual({ tenantId: beta, requireTwoFactorForAdmins: true });
    // Live sessions of the tenant's admins are restricted at once, and lose their tenant channels.
    expect(failure(await ben.invoke('users.list', {}))).toMatchObject({ code: 'forbidden', details: { restriction: 'two_factor_enrolment' } });
    expect(failure(await bea.invoke('routers.list', {})).code).toBe('forbidden');
    expect(failure(await bea.subscribe(`tenant.${beta}.routers`)).code).toBe('forbidden');

    const { client, reply } = await signIn('ben');
    expect(data<SignInResult>(reply)).toMatchObject({ user: { username: 'ben' }, restriction: 'two_factor_enrolment' });
    expect(failure(await client.invoke('users.list', {})).code).toBe('forbidden');
    expect(failure(await client.invoke('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'Another-pw-123' })).code).toBe('forbidden');
    expect(failure(await client.subscribe(`tenant.${beta}.users`)).code).toBe('forbidden');
    expect(data<TwoFactorStatus>(await client.invoke('auth.twoFactor.status', {}))).toMatchObject({ required: true, enrolled: false });
    await enrol(client);
    expect(data<{ users: unknown[] }>(await client.invoke('users.list', {})).users).toHaveLength(3);
    expect(data(await client.subscribe(`tenant.${beta}.users`))).toBeTruthy();
    // Ben's other connection was signed in without a code: it is signed out. Bea is still held until she enrols.
    expect(failure(await ben.invoke('users.list', {})).code).toBe('unauthenticated');
    expect(failure(await bea.invoke('users.list', {})).code).toBe('forbidden');
    // Operators are not bound by the admins' rule.
    expect(data<SignInResult>((await signIn('olga')).reply).restriction).toBeUndefined();
    // Operators cannot change it; the change was audited.
    expect(failure(await (await signIn('olga')).client.invoke('auth.updateTenantPolicy', { requireTwoFactorForAdmins: false })).code).toBe('forbidden');
    expect(await host.core.services.accounts.read((tx) => tx.audit.list({ tenantId: beta }, { limit: 20 }))).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'settings.updated', actorUsername: 'bea', details: { requireTwoFactorForAdmins: true } })]),
    );
  });

  it('keeps the TOTP secrets and recovery codes out of the SQLite files in plain text', () => {
    expect(handedOut.length).toBeGreaterThan(20);
    const { dataDir } = host.core.services;
    const files = ['noc.db', 'noc.db-wal'].map((f) => join(dataDir, f)).filter((f) => existsSync(f));
    const text = files.map((f) => readFileSync(f).toString('latin1')).join('\n').toLowerCase();
    expect(text).toContain('two_factor'); // the right files were read
    for (const value of handedOut) {
      // Secrets in Base32 as shown, recovery codes as shown and as typed without dashes.
      for (const form of new Set([value.toLowerCase(), value.replace(/-/g, '').toLowerCase()])) expect(text.includes(form), value).toBe(false);
    }
  });

  it('takes system admins to enrolment when the system setting requires it', async () => {
    await seedUser(host.core.services, { username: 'sam', role: 'system_admin', tenantId: null });
    const { client: sam } = await signIn('sam');
    expect(data(await sam.invoke('auth.updateSettings', { requireTwoFactorForSystemAdmins: true }))).toMatchObject({ requireTwoFactorForSystemAdmins: true });
    expect(failure(await sam.invoke('auth.settings', {})).code).toBe('forbidden');
    expect(failure(await root.invoke('tenants.list', {})).code).toBe('forbidden');
    const { reply } = await signIn(ROOT.username, ROOT.password);
    expect(data<SignInResult>(reply).restriction).toBe('two_factor_enrolment');
    await enrol(sam);
    expect(data(await sam.invoke('auth.settings', {}))).toMatchObject({ requireTwoFactorForSystemAdmins: true });
  });
});
