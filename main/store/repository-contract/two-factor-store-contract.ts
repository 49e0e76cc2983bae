import { describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import { newUser, twoTenants, type AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

const SECRET = 'JBSWY3DPEHPK3PXP';

/** What every TwoFactorEnrolmentStore implementation does, whatever database stands behind it. */
export function twoFactorStoreContract(implementation: string, factory: AccountsFactory): void {
  describe(`TwoFactorEnrolmentStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;
    const user = async (username = 'ann') => (await store().run((tx) => tx.users.insert(newUser({ username }), 1))).id;
    /** An enrolled user whose last accepted step is 100. */
    const enrolled = async (username = 'ann') => {
      const id = await user(username);
      await store().run(async (tx) => {
        await tx.twoFactor.startEnrolment(id, SECRET, 1_000);
        await tx.twoFactor.confirm(id, 100, 2_000);
      });
      return id;
    };

    it('starts an enrolment that signs nobody in until confirmed, and gives its secret back', async () => {
      const ann = await user();
      expect(await store().read((tx) => tx.twoFactor.get(ann))).toBeNull();
      expect(await store().read((tx) => tx.twoFactor.secret(ann))).toBeNull();
      expect(await store().run((tx) => tx.twoFactor.startEnrolment(ann, SECRET, 1_000))).toBe(true);
      expect(await store().read((tx) => tx.twoFactor.get(ann))).toEqual({ userId: ann, createdAt: 1_000, enabledAt: null, lastStep: 0 });
      expect(await store().read((tx) => tx.twoFactor.isEnrolled(ann))).toBe(false);
      expect(await store().read((tx) => tx.twoFactor.secret(ann))).toBe(SECRET);
      // Started again before confirming: the new secret replaces the old one.
      expect(await store().run((tx) => tx.twoFactor.startEnrolment(ann, 'KRSXG5CTMVRXEZLU', 1_500))).toBe(true);
      expect(await store().read((tx) => tx.twoFactor.secret(ann))).toBe('KRSXG5CTMVRXEZLU');
    });

    it('confirms once, with the confirming step used, and refuses a new secret while enrolled', async () => {
      const ann = await user();
      expect(await store().run((tx) => tx.twoFactor.confirm(ann, 100, 2_000))).toBe(false);
      await store().run((tx) => tx.twoFactor.startEnrolment(ann, SECRET, 1_000));
      expect(await store().run((tx) => tx.twoFactor.confirm(ann, 100, 2_000))).toBe(true);
      expect(await store().run((tx) => tx.twoFactor.confirm(ann, 101, 3_000))).toBe(false);
      expect(await store().read((tx) => tx.twoFactor.get(ann))).toEqual({ userId: ann, createdAt: 1_000, enabledAt: 2_000, lastStep: 100 });
      expect(await store().read((tx) => tx.twoFactor.isEnrolled(ann))).toBe(true);
      expect(await store().run((tx) => tx.twoFactor.startEnrolment(ann, 'KRSXG5CTMVRXEZLU', 4_000))).toBe(false);
      expect(await store().read((tx) => tx.twoFactor.secret(ann))).toBe(SECRET);
    });

    it('accepts each time step once, never an older one, and none of a user not enrolled', async () => {
      const ann = await enrolled();
      expect(await store().run((tx) => tx.twoFactor.consumeStep(ann, 100))).toBe(false);
      expect(await store().run((tx) => tx.twoFactor.consumeStep(ann, 102))).toBe(true);
      expect(await store().run((tx) => tx.twoFactor.consumeStep(ann, 102))).toBe(false);
      expect(await store().run((tx) => tx.twoFactor.consumeStep(ann, 101))).toBe(false);
      const bob = await user('bob');
      await store().run((tx) => tx.twoFactor.startEnrolment(bob, SECRET, 1_000));
      expect(await store().run((tx) => tx.twoFactor.consumeStep(bob, 200))).toBe(false);
    });

    it('lets one of two concurrent units use the same step or recovery code, not both', async () => {
      const ann = await enrolled();
      await store().run((tx) => tx.twoFactor.replaceRecoveryCodes(ann, ['hash-a']));
      const steps = await Promise.all([store().run((tx) => tx.twoFactor.consumeStep(ann, 101)), store().run((tx) => tx.twoFactor.consumeStep(ann, 101))]);
      expect(steps.sort()).toEqual([false, true]);
      const codes = await Promise.all([store().run((tx) => tx.twoFactor.useRecoveryCode(ann, 'hash-a', 5_000)), store().run((tx) => tx.twoFactor.useRecoveryCode(ann, 'hash-a', 5_000))]);
      expect(codes.sort()).toEqual([false, true]);
    });

    it('uses each recovery code once; new codes replace the old ones; counts those left', async () => {
      const ann = await enrolled();
      const bob = await enrolled('bob');
      await store().run((tx) => tx.twoFactor.replaceRecoveryCodes(ann, ['hash-a', 'hash-b', 'hash-c']));
      expect(await store().read((tx) => tx.twoFactor.recoveryCodesLeft(ann))).toBe(3);
      expect(await store().run((tx) => tx.twoFactor.useRecoveryCode(ann, 'hash-b', 5_000))).toBe(true);
      expect(await store().run((tx) => tx.twoFactor.useRecoveryCode(ann, 'hash-b', 6_000))).toBe(false);
      expect(await store().run((tx) => tx.twoFactor.useRecoveryCode(ann, 'hash-x', 6_000))).toBe(false);
      // Another user's code is not this user's.
      expect(await store().run((tx) => tx.twoFactor.useRecoveryCode(bob, 'hash-a', 6_000))).toBe(false);
      expect(await store().read((tx) => tx.twoFactor.recoveryCodesLeft(ann))).toBe(2);
      await store().run((tx) => tx.twoFactor.replaceRecoveryCodes(ann, ['hash-d']));
      expect(await store().run((tx) => tx.twoFactor.useRecoveryCode(ann, 'hash-a', 7_000))).toBe(false);
      expect(await store().read((tx) => tx.twoFactor.recoveryCodesLeft(ann))).toBe(1);
    });

    it('removes an enrolment with its secret and recovery codes', async () => {
      const ann = await enrolled();
      await store().run((tx) => tx.twoFactor.replaceRecoveryCodes(ann, ['hash-a']));
      expect(await store().run((tx) => tx.twoFactor.remove(ann))).toBe(true);
      expect(await store().run((tx) => tx.twoFactor.remove(ann))).toBe(false);
      await store().read(async (tx) => {
        expect(await tx.twoFactor.get(ann)).toBeNull();
        expect(await tx.twoFactor.isEnrolled(ann)).toBe(false);
        expect(await tx.twoFactor.secret(ann)).toBeNull();
        expect(await tx.twoFactor.recoveryCodesLeft(ann)).toBe(0);
      });
    });

    it("keeps each tenant's sign-in policy, nothing required until set", async () => {
      const [alpha, beta] = await twoTenants(store());
      expect(await store().read((tx) => tx.twoFactor.tenantPolicy(alpha))).toEqual({ requireTwoFactorForAdmins: false });
      await store().run((tx) => tx.twoFactor.setTenantPolicy(alpha, { requireTwoFactorForAdmins: true }, 1));
      expect(await store().read((tx) => tx.twoFactor.tenantPolicy(alpha))).toEqual({ requireTwoFactorForAdmins: true });
      expect(await store().read((tx) => tx.twoFactor.tenantPolicy(beta))).toEqual({ requireTwoFactorForAdmins: false });
      await store().run((tx) => tx.twoFactor.setTenantPolicy(alpha, { requireTwoFactorForAdmins: false }, 2));
      expect(await store().read((tx) => tx.twoFactor.tenantPolicy(alpha))).toEqual({ requireTwoFactorForAdmins: false });
    });

    it('rolls its writes back with the unit that throws', async () => {
      const ann = await user();
      await expect(
        store().run(async (tx) => {
          await tx.twoFactor.startEnrolment(ann, SECRET, 1_000);
          await tx.twoFactor.confirm(ann, 100, 2_000);
          await tx.twoFactor.replaceRecoveryCodes(ann, ['hash-a']);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store().read((tx) => tx.twoFactor.get(ann))).toBeNull();
      expect(await store().read((tx) => tx.twoFactor.recoveryCodesLeft(ann))).toBe(0);
    });
  });
}
