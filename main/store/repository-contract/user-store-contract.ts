import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import type { UserScope } from '../../users/user-repository';
import { newUser, twoTenants, type AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

/** What every UserStore implementation does, whatever database stands behind it. */
export function userStoreContract(implementation: string, factory: AccountsFactory): void {
  describe(`UserStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;
    let alpha: number;
    let beta: number;
    beforeEach(async () => {
      [alpha, beta] = await twoTenants(store());
    });

    it('inserts a user and reads it back; a tenant scope never reaches another tenant', async () => {
      const ann = await store().run((tx) => tx.users.insert(newUser({ username: ' Ann ', tenantId: alpha, role: 'operator', email: 'Ann@Alpha.example' }), 10));
      expect(ann).toMatchObject({ username: 'Ann', tenantId: alpha, role: 'operator', email: 'Ann@Alpha.example', disabled: false, createdAt: 10, updatedAt: 10, lastSignInAt: null, lockedUntil: null });
      await store().read(async (tx) => {
        expect(await tx.users.get(ann.id)).toEqual(ann);
        expect(await tx.users.get(ann.id, { tenantId: alpha })).toEqual(ann);
        expect(await tx.users.get(ann.id, { tenantId: beta })).toBeNull();
        expect(await tx.users.get(ann.id, { tenantId: null })).toBeNull();
        expect(await tx.users.findByUsername('ANN')).toEqual(ann);
        expect(await tx.users.count()).toBe(1);
      });
    });

    it('lists one scope by username: a tenant, the system admins, or all', async () => {
      await store().run(async (tx) => {
        await tx.users.insert(newUser({ username: 'zed', tenantId: alpha, role: 'viewer' }), 1);
        await tx.users.insert(newUser({ username: 'amy', tenantId: alpha, role: 'tenant_admin' }), 1);
        await tx.users.insert(newUser({ username: 'bob', tenantId: beta, role: 'operator' }), 1);
        await tx.users.insert(newUser({ username: 'root' }), 1);
      });
      const names = async (scope: UserScope) =>
        (await store().read((tx) => tx.users.list(scope))).map((u) => u.username);
      expect(await names({ tenantId: alpha })).toEqual(['amy', 'zed']);
      expect(await names({ tenantId: beta })).toEqual(['bob']);
      expect(await names({ tenantId: null })).toEqual(['root']);
      expect(await names('all')).toEqual(['amy', 'bob', 'root', 'zed']);
    });

    it('refuses a second account with a taken username or email (case and spaces aside) with conflict', async () => {
      const ann = await store().run((tx) => tx.users.insert(newUser({ username: 'ann', email: 'ann@example.com', tenantId: alpha, role: 'operator' }), 1));
      await expect(store().run((tx) => tx.users.insert(newUser({ username: 'ANN ', email: 'other@example.com', tenantId: beta, role: 'operator' }), 2))).rejects.toMatchObject({ code: 'conflict' });
      await expect(store().run((tx) => tx.users.insert(newUser({ username: 'other', email: ' Ann@Example.com', tenantId: beta, role: 'operator' }), 2))).rejects.toMatchObject({ code: 'conflict' });
      const bob = await store().run((tx) => tx.users.insert(newUser({ username: 'bob', tenantId: alpha, role: 'viewer' }), 3));
      await expect(store().run((tx) => tx.users.update(bob.id, { email: 'ANN@example.com' }, 4))).rejects.toMatchObject({ code: 'conflict' });
      await store().read(async (tx) => {
        expect(await tx.users.usernameTaken(' Ann')).toBe(true);
        expect(await tx.users.usernameTaken('carl')).toBe(false);
        expect(await tx.users.emailTaken('ANN@example.com')).toBe(true);
        expect(await tx.users.emailTaken('ann@example.com', ann.id)).toBe(false);
        expect(await tx.users.count()).toBe(2);
      });
    });

    it('updates the fields asked for and counts the enabled admins of each scope', async () => {
      const [amy, ann] = await store().run(async (tx) => [
        await tx.users.insert(newUser({ username: 'amy', tenantId: alpha, role: 'tenant_admin' }), 1),
        await tx.users.insert(newUser({ username: 'ann', tenantId: alpha, role: 'operator' }), 1),
        await tx.users.insert(newUser({ username: 'root' }), 1),
      ]);
      expect(await store().read((tx) => tx.users.activeAdmins(alpha))).toBe(1);
      const promoted = await store().run((tx) => tx.users.update(ann.id, { role: 'tenant_admin', name: ' Ann New ' }, 50));
      expect(promoted).toMatchObject({ id: ann.id, role: 'tenant_admin', name: 'Ann New', updatedAt: 50, passwordChangedAt: 1 });
      await store().run((tx) => tx.users.update(amy.id, { disabled: true, passwordHash: 'scrypt$other' }, 60));
      expect(await store().read((tx) => tx.users.get(amy.id))).toMatchObject({ disabled: true, passwordChangedAt: 60 });
      expect(await store().read((tx) => tx.users.activeAdmins(alpha))).toBe(1);
      expect(await store().read((tx) => tx.users.activeAdmins(beta))).toBe(0);
      expect(await store().read((tx) => tx.users.activeAdmins(null))).toBe(1);
      expect(await store().run((tx) => tx.users.update(ann.id + amy.id + 100, { name: 'Nobody' }, 70))).toBeNull();
    });

    it('keeps the latest sign-in time, whatever order they arrive in', async () => {
      const ann = await store().run((tx) => tx.users.insert(newUser({ username: 'ann', tenantId: alpha, role: 'operator' }), 1));
      await store().run((tx) => tx.users.recordSignIn(ann.id, 500));
      await store().run((tx) => tx.users.recordSignIn(ann.id, 300));
      expect(await store().read((tx) => tx.users.get(ann.id))).toMatchObject({ lastSignInAt: 500 });
    });

    it('deletes a user once', async () => {
      const ann = await store().run((tx) => tx.users.insert(newUser({ username: 'ann', tenantId: alpha, role: 'operator' }), 1));
      expect(await store().run((tx) => tx.users.delete(ann.id))).toBe(true);
      expect(await store().run((tx) => tx.users.delete(ann.id))).toBe(false);
      expect(await store().read((tx) => tx.users.get(ann.id))).toBeNull();
      expect(await store().read((tx) => tx.users.usernameTaken('ann'))).toBe(false);
    });
  });
}
