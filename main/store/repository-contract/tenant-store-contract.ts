import { describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import { newUser, type AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

/** What every TenantStore implementation does, whatever database stands behind it. */
export function tenantStoreContract(implementation: string, factory: AccountsFactory): void {
  describe(`TenantStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;

    it('inserts a tenant with a tidied name and reads it back by id and by name, whatever the case and spacing', async () => {
      const made = await store().run((tx) => tx.tenants.insert('  Acme   Net ', 7, 1_000));
      expect(made).toMatchObject({ name: 'Acme Net', status: 'active', createdAt: 1_000, createdBy: 7 });
      await store().read(async (tx) => {
        expect(await tx.tenants.get(made.id)).toEqual(made);
        expect(await tx.tenants.findByName('acme net')).toEqual(made);
        expect(await tx.tenants.get(made.id + 1)).toBeNull();
        expect(await tx.tenants.findByName('Other')).toBeNull();
      });
    });

    it('refuses a second tenant of the same name (case and spaces aside) and a rename onto a taken name, with conflict', async () => {
      const [a, b] = await store().run(async (tx) => [await tx.tenants.insert('Alpha', null, 1), await tx.tenants.insert('Beta', null, 1)]);
      await expect(store().run((tx) => tx.tenants.insert(' ALPHA ', null, 2))).rejects.toMatchObject({ code: 'conflict' });
      await expect(store().run((tx) => tx.tenants.rename(b.id, 'alpha'))).rejects.toMatchObject({ code: 'conflict' });
      expect(await store().run((tx) => tx.tenants.rename(a.id, 'Alpha Prime'))).toBe(true);
      expect(await store().run((tx) => tx.tenants.rename(b.id + 10, 'Gamma'))).toBe(false);
      expect((await store().read((tx) => tx.tenants.list())).map((t) => t.name)).toEqual(['Alpha Prime', 'Beta']);
    });

    it('lists tenants by name with their user counts', async () => {
      const ids = await store().run(async (tx) => {
        const zulu = await tx.tenants.insert('zulu', null, 1);
        const alpha = await tx.tenants.insert('Alpha', null, 1);
        await tx.users.insert(newUser({ username: 'z1', tenantId: zulu.id, role: 'operator' }), 1);
        await tx.users.insert(newUser({ username: 'z2', tenantId: zulu.id, role: 'viewer' }), 1);
        return { zulu: zulu.id, alpha: alpha.id };
      });
      const list = await store().read((tx) => tx.tenants.list());
      expect(list.map((t) => [t.name, t.userCount])).toEqual([
        ['Alpha', 0],
        ['zulu', 2],
      ]);
      expect(await store().read((tx) => tx.tenants.listRow(ids.zulu))).toMatchObject({ id: ids.zulu, userCount: 2 });
      expect(await store().read((tx) => tx.tenants.listRow(ids.zulu + ids.alpha))).toBeNull();
    });

    it('requires an existing tenant: another id is not_found, for reads of its settings too', async () => {
      const id = (await store().run((tx) => tx.tenants.insert('Acme', null, 1))).id;
      expect(await store().read((tx) => tx.tenants.require(id))).toMatchObject({ id, name: 'Acme' });
      await expect(store().read((tx) => tx.tenants.require(id + 1))).rejects.toMatchObject({ code: 'not_found' });
      await expect(store().read((tx) => tx.tenants.settings(id + 1))).rejects.toMatchObject({ code: 'not_found' });
    });

    it("keeps each tenant's settings apart, with defaults until saved", async () => {
      const [a, b] = await store().run(async (tx) => [await tx.tenants.insert('Alpha', null, 1), await tx.tenants.insert('Beta', null, 1)]);
      const defaults = await store().read((tx) => tx.tenants.settings(b.id));
      expect(defaults).toMatchObject({ tenantId: b.id, name: 'Beta', currency: 'USD', logo: null });
      await store().run((tx) => tx.tenants.saveSettings(a.id, { timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null }, 5));
      expect(await store().read((tx) => tx.tenants.settings(a.id))).toEqual({ tenantId: a.id, name: 'Alpha', timeZone: 'Africa/Nairobi', locale: 'en-KE', currency: 'KES', logo: null });
      expect(await store().read((tx) => tx.tenants.settings(b.id))).toEqual(defaults);
    });
  });
}
