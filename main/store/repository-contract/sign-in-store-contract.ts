import { describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import { DEFAULT_AUTH_SETTINGS } from '../../auth/auth-settings';
import type { NewAttempt } from '../../auth/sign-in-attempt-store';
import { newUser, type AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const settings = { ...DEFAULT_AUTH_SETTINGS, maxFailures: 3, failureWindowMinutes: 10, lockMinutes: 15 };
const attempt = (at: number, outcome: NewAttempt['outcome'] = 'bad_credentials', usernameKey = 'ann'): NewAttempt => ({
  usernameKey,
  username: usernameKey,
  userId: null,
  tenantId: null,
  outcome,
  at,
});

/** What every implementation of the sign-in session and attempt stores does, whatever database stands behind it. */
export function signInStoreContract(implementation: string, factory: AccountsFactory): void {
  describe(`SignInSessionStore and SignInAttemptStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;
    const user = () => store().run((tx) => tx.users.insert(newUser({ username: `u${Math.random().toString(36).slice(2, 8)}` }), 1));

    it('opens a session for a token only its holder has, until it ends', async () => {
      const ann = await user();
      const { row, token } = await store().run((tx) => tx.signInSessions.create(ann.id, 1_000, HOUR));
      expect(row).toMatchObject({ user_id: ann.id, created_at: 1_000, last_seen_at: 1_000, expires_at: 1_000 + HOUR, ended_at: null });
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect(await store().read((tx) => tx.signInSessions.findOpen(token))).toEqual(row);
      expect(await store().read((tx) => tx.signInSessions.findOpen(`${token}x`))).toBeNull();
      await store().run((tx) => tx.signInSessions.touch(row.id, 5_000));
      await store().run((tx) => tx.signInSessions.touch(row.id, 4_000));
      expect(await store().read((tx) => tx.signInSessions.findOpen(token))).toMatchObject({ last_seen_at: 5_000 });
      await store().run((tx) => tx.signInSessions.end(row.id, 6_000, 'signed_out'));
      expect(await store().read((tx) => tx.signInSessions.findOpen(token))).toBeNull();
    });

    it("ends all of one user's open sessions but the one kept, and no one else's", async () => {
      const [ann, bob] = [await user(), await user()];
      const ids = await store().run(async (tx) => {
        const opened = [];
        for (let i = 0; i < 3; i++) opened.push((await tx.signInSessions.create(ann.id, 1_000, HOUR)).row.id);
        await tx.signInSessions.create(bob.id, 1_000, HOUR);
        return opened;
      });
      const [kept, ...others] = ids as [number, ...number[]];
      expect((await store().run((tx) => tx.signInSessions.endAllOf(ann.id, 2_000, 'password_changed', kept))).sort()).toEqual(others.sort());
      expect(await store().read((tx) => tx.signInSessions.openIdsOf(ann.id))).toEqual(new Set([kept]));
      expect((await store().read((tx) => tx.signInSessions.openIdsOf(bob.id))).size).toBe(1);
    });

    it('deletes, oldest first and at most the limit, sessions that ended or expired before a cutoff', async () => {
      const ann = await user();
      const open = await store().run(async (tx) => {
        const ended = (await tx.signInSessions.create(ann.id, 1_000, HOUR)).row.id;
        await tx.signInSessions.end(ended, 2_000, 'signed_out');
        await tx.signInSessions.create(ann.id, 1_000, 500); // expired at 1_500
        return (await tx.signInSessions.create(ann.id, 1_000, HOUR)).token;
      });
      expect(await store().run((tx) => tx.signInSessions.deleteOverBefore(10_000, 1))).toBe(1);
      expect(await store().run((tx) => tx.signInSessions.deleteOverBefore(10_000, 10))).toBe(1);
      expect(await store().read((tx) => tx.signInSessions.findOpen(open))).not.toBeNull();
    });

    it('locks a username at the last allowed failure inside the window, for the lock time', async () => {
      const t = 100 * MINUTE;
      const rows = await store().run(async (tx) => [
        await tx.signInAttempts.recordFailure(attempt(t), settings),
        await tx.signInAttempts.recordFailure(attempt(t + MINUTE), settings),
        await tx.signInAttempts.recordFailure(attempt(t + 2 * MINUTE), settings),
      ]);
      expect(rows.map((r) => [r.failures, r.locked_until])).toEqual([
        [1, null],
        [2, null],
        [3, t + 2 * MINUTE + 15 * MINUTE],
      ]);
      expect(await store().read((tx) => tx.signInAttempts.lockedUntil('ann', t + 3 * MINUTE))).toBe(t + 17 * MINUTE);
      expect(await store().read((tx) => tx.signInAttempts.lockedUntil('ann', t + 17 * MINUTE))).toBeNull();
      expect(await store().read((tx) => tx.signInAttempts.lockedUntil('bob', t + 3 * MINUTE))).toBeNull();
    });

    it('counts failures only inside the window and after the last success', async () => {
      const t = 100 * MINUTE;
      const last = await store().run(async (tx) => {
        await tx.signInAttempts.recordFailure(attempt(t), settings);
        await tx.signInAttempts.recordFailure(attempt(t + MINUTE), settings);
        await tx.signInAttempts.recordSuccess(attempt(t + 2 * MINUTE, 'success'));
        await tx.signInAttempts.recordFailure(attempt(t + 3 * MINUTE), settings);
        return tx.signInAttempts.recordFailure(attempt(t + 30 * MINUTE), settings);
      });
      expect(last).toMatchObject({ failures: 1, locked_until: null });
    });

    it('lifts a lock once on an admin’s word', async () => {
      await store().run(async (tx) => {
        for (let i = 0; i < 3; i++) await tx.signInAttempts.recordFailure(attempt(1_000 + i), settings);
      });
      expect(await store().run((tx) => tx.signInAttempts.unlock('ann', 2_000))).toBe(true);
      expect(await store().run((tx) => tx.signInAttempts.unlock('ann', 2_000))).toBe(false);
      expect(await store().read((tx) => tx.signInAttempts.lockedUntil('ann', 2_000))).toBeNull();
    });

    it('tracks an attempt once and deletes old attempts and ended locks', async () => {
      const first = await store().run((tx) => tx.signInAttempts.recordFailure(attempt(1_000), settings));
      expect(await store().read((tx) => tx.signInAttempts.get(first.id))).toMatchObject({ id: first.id, username: 'ann', outcome: 'bad_credentials', tracked_at: null });
      expect(await store().run((tx) => tx.signInAttempts.markTracked(first.id, 1_500))).toBe(true);
      expect(await store().run((tx) => tx.signInAttempts.markTracked(first.id, 1_600))).toBe(false);
      await store().run(async (tx) => {
        for (let i = 1; i < 3; i++) await tx.signInAttempts.recordFailure(attempt(1_000 + i), settings);
      });
      expect(await store().run((tx) => tx.signInAttempts.deleteBefore(1_002, 1))).toBe(1);
      expect(await store().read((tx) => tx.signInAttempts.get(first.id))).toBeNull();
      expect(await store().run((tx) => tx.signInAttempts.deleteLocksEndedBefore(1_002 + 15 * MINUTE))).toBe(0);
      expect(await store().run((tx) => tx.signInAttempts.deleteLocksEndedBefore(1_003 + 15 * MINUTE))).toBe(1);
    });
  });
}
