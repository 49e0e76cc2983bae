import { describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import { newUser, type AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

/** What every CredentialStore implementation does, whatever database stands behind it. */
export function credentialStoreContract(implementation: string, factory: AccountsFactory): void {
  describe(`CredentialStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;

    it('finds an account by its username however it is typed (case, spaces), with its hash', async () => {
      const ann = await store().run((tx) => tx.users.insert(newUser({ username: 'Ann', passwordHash: 'scrypt$ann' }), 1));
      expect(await store().read((tx) => tx.credentials.forUsername('  aNN '))).toEqual({ user: ann, passwordHash: 'scrypt$ann' });
      expect(await store().read((tx) => tx.credentials.forUsername('anne'))).toBeNull();
      expect(await store().read((tx) => tx.credentials.passwordHash(ann.id))).toBe('scrypt$ann');
      expect(await store().read((tx) => tx.credentials.passwordHash(ann.id + 1))).toBeNull();
    });

    it('upgrades a hash only while it is still the one the password was checked against', async () => {
      const ann = await store().run((tx) => tx.users.insert(newUser({ username: 'ann', passwordHash: 'scrypt$old' }), 1));
      expect(await store().run((tx) => tx.credentials.rehash(ann.id, 'scrypt$old', 'scrypt$stronger'))).toBe(true);
      // The password changed meanwhile: the upgrade of the old one must not undo it.
      await store().run((tx) => tx.users.update(ann.id, { passwordHash: 'scrypt$new-password' }, 2));
      expect(await store().run((tx) => tx.credentials.rehash(ann.id, 'scrypt$stronger', 'scrypt$stale'))).toBe(false);
      expect(await store().read((tx) => tx.credentials.passwordHash(ann.id))).toBe('scrypt$new-password');
    });
  });
}
