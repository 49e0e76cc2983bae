import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteAccountsStore } from '../accounts/sqlite-accounts-store';
import { startTestCore, type TestCore } from '../core/test-core';
import { KeyFileSecretBox } from '../secrets/key-file-box';
import type { UserRecord } from '../users/user-repository';
import { newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import type { Session } from './session';
import { TEST_PASSWORD, seedTenant, seedUser } from './test-accounts';
import { TwoFactorService } from './two-factor-service';

const MINUTE = 60_000;

/** The code step of a sign-in against a clock the test moves (the core's own service uses Date.now). */
describe('the code step of a sign-in', () => {
  let core: TestCore;
  let clock: number;
  let twoFactor: TwoFactorService;
  let jane: UserRecord;
  let secret: string;
  const codeAt = (ms: number) => generate({ secret, epoch: Math.floor(ms / 1000) });
  const anonymous = (): Session => ({ id: `s-${Math.random()}`, user: null });

  beforeEach(async () => {
    core = await startTestCore();
    clock = Date.UTC(2026, 0, 5, 9, 0, 0);
    twoFactor = new TwoFactorService({ services: () => core.services, now: () => clock });
    jane = await seedUser(core.services, { username: 'jane', role: 'tenant_admin', tenantId: (await seedTenant(core.services, 'Acme Net')).id });
    ({ secret } = await twoFactor.begin(jane));
    await twoFactor.confirm(jane, await codeAt(clock));
    clock += MINUTE;
  });
  afterEach(() => core.dispose());

  it('expires 5 minutes after the password and cannot be finished after that', async () => {
    const session = anonymous();
    twoFactor.beginSignIn(session, jane, 'jane');
    clock += 5 * MINUTE;
    await expect(twoFactor.completeSignIn(session, await codeAt(clock))).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/5 minutes/) });
    expect(session.user).toBeNull();
    // Gone for good: the same connection cannot finish it later either.
    clock -= MINUTE;
    await expect(twoFactor.completeSignIn(session, await codeAt(clock))).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('signs in within the 5 minutes, accepting a phone clock one step off but not two', async () => {
    const session = anonymous();
    twoFactor.beginSignIn(session, jane, ' Jane');
    clock += 4 * MINUTE;
    await expect(twoFactor.completeSignIn(session, await codeAt(clock - 60_000))).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/wrong/) });
    await expect(twoFactor.completeSignIn(session, await codeAt(clock - 30_000))).resolves.toMatchObject({ user: { username: 'jane' } });
    expect(session.user).toMatchObject({ username: 'jane' });
  });

  it('gives no session to a user disabled while the code was being checked, and leaves the code unused', async () => {
    const session = anonymous();
    twoFactor.beginSignIn(session, jane, 'jane');
    const code = await codeAt(clock);
    const signingIn = twoFactor.completeSignIn(session, code);
    // completeSignIn now awaits the TOTP check; an admin's disabling commits before it resumes.
    await core.services.accounts.run((tx) => tx.users.update(jane.id, { disabled: true }, clock));
    await expect(signingIn).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/disabled/) });
    expect(session.user).toBeNull();
    expect(core.services.auth.liveSessions()).toBe(0);
    // Enabled again, the same code signs in: the refused attempt did not use it up.
    await core.services.accounts.run((tx) => tx.users.update(jane.id, { disabled: false }, clock));
    const again = anonymous();
    twoFactor.beginSignIn(again, jane, 'jane');
    await expect(twoFactor.completeSignIn(again, code)).resolves.toMatchObject({ user: { username: 'jane' } });
  });

  it('answers unavailable, not internal, when the secret key cannot seal or open the TOTP secret', async () => {
    // The same tables, sealed and opened with another key (the store seals the secret at rest).
    const serviceWith = (secrets: KeyFileSecretBox) => {
      const { bus, jobs } = core.services;
      const { db } = core;
      const accounts = sqliteAccountsStore({ db, bus, secrets, jobs: { enqueue: async (name, payload, options) => jobs.enqueue(name, payload, options) } });
      return new TwoFactorService({ services: () => ({ ...core.services, accounts }), now: () => clock });
    };
    const ann = await seedUser(core.services, { username: 'ann', role: 'operator', tenantId: jane.tenantId });
    // A key file others can read is refused, so nothing can be sealed with it.
    const looseKey = join(core.dataDir, 'loose.key');
    writeFileSync(looseKey, randomBytes(32).toString('base64'));
    chmodSync(looseKey, 0o644);
    const unusable = { code: 'unavailable', message: expect.stringMatching(/secret key cannot be used.*administrator/) };
    await expect(serviceWith(new KeyFileSecretBox(looseKey)).begin(ann)).rejects.toMatchObject(unusable);
    // Begun under the folder's key, the set-up cannot be confirmed under another one.
    const { secret: annSecret } = await twoFactor.begin(ann);
    const otherKey = serviceWith(new KeyFileSecretBox(join(core.dataDir, 'other.key')));
    await expect(otherKey.confirm(ann, await generate({ secret: annSecret, epoch: Math.floor(clock / 1000) }))).rejects.toMatchObject(unusable);
  });

  it('asks the password again before turning two-factor off, and keeps it on when the code is wrong', async () => {
    await expect(twoFactor.disable(jane, 'wrong-password-9', await codeAt(clock))).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(twoFactor.disable(jane, TEST_PASSWORD, '12345')).rejects.toMatchObject({ code: 'invalid_input', details: { fields: { code: expect.any(String) } } });
    expect(await twoFactor.status(jane)).toMatchObject({ enrolled: true, required: false });
    await twoFactor.disable(jane, TEST_PASSWORD, await codeAt(clock));
    expect(await twoFactor.status(jane)).toMatchObject({ enrolled: false, recoveryCodesLeft: 0 });
  });
});

describe('recovery codes', () => {
  it('are 10 distinct codes of 16 characters in groups of four, read back however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    const code = codes[0]!;
    expect(normalizeRecoveryCode(` ${code.toUpperCase().replace(/-/g, ' ')} `)).toBe(code.replace(/-/g, ''));
    expect(normalizeRecoveryCode('0ILO-0000-0000-0000')).toBe('0110000000000000');
    expect(normalizeRecoveryCode('123456')).toBeNull();
    expect(normalizeRecoveryCode('uuuu-0000-0000-0000')).toBeNull();
  });
});
