import { describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import { newUser, type AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

/**
 * What every unit of work over the account stores does, whatever database stands behind it:
 * all of a unit's writes (stores and job queue) commit together or not at all, and after-commit
 * hooks run only once it has committed.
 */
export function accountsUnitOfWorkContract(implementation: string, factory: AccountsFactory): void {
  describe(`AccountsStore unit of work contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;

    it('rolls back every write of a unit that throws, and rethrows its error', async () => {
      const failure = new Error('the change was refused halfway');
      await expect(
        store().run(async (tx) => {
          const tenant = await tx.tenants.insert('Alpha', null, 1);
          await tx.users.insert(newUser({ username: 'amy', tenantId: tenant.id, role: 'tenant_admin' }), 1);
          await tx.audit.record({ at: 1, tenantId: tenant.id, actor: null, action: 'tenant.created', target: { type: 'tenant', id: tenant.id, label: tenant.name } });
          throw failure;
        }),
      ).rejects.toBe(failure);
      await store().read(async (tx) => {
        expect(await tx.tenants.list()).toEqual([]);
        expect(await tx.users.count()).toBe(0);
        expect(await tx.audit.list('all', { limit: 10 })).toEqual([]);
      });
    });

    it('rolls back a job enqueued in a unit that throws: its unique key is free again', async () => {
      const payload = { tenantName: 'Alpha', admin: { username: 'amy' }, requestedBy: null };
      await expect(
        store().run(async (tx) => {
          await tx.jobs.enqueue('tenants.register', payload, { uniqueKey: 'contract:rollback' });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      const first = await store().run((tx) => tx.jobs.enqueue('tenants.register', payload, { uniqueKey: 'contract:rollback' }));
      expect(first.deduplicated).toBe(false);
      const second = await store().run((tx) => tx.jobs.enqueue('tenants.register', payload, { uniqueKey: 'contract:rollback' }));
      expect(second).toEqual({ jobId: first.jobId, deduplicated: true });
    });

    it('runs after-commit hooks once committed, in order, and never for a unit that rolled back', async () => {
      const heard: string[] = [];
      const result = await store().run(async (tx) => {
        await tx.tenants.insert('Alpha', null, 1);
        tx.afterCommit(() => heard.push('first'));
        tx.afterCommit(() => heard.push('second'));
        expect(heard).toEqual([]);
        return 'done';
      });
      expect(result).toBe('done');
      expect(heard).toEqual(['first', 'second']);
      await expect(
        store().run(async (tx) => {
          tx.afterCommit(() => heard.push('rolled back'));
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(heard).toEqual(['first', 'second']);
    });

    it('runs units started together one after another, each seeing the one before', async () => {
      const names = ['Alpha', 'Beta', 'Gamma'];
      const counts = await Promise.all(
        names.map((name) =>
          store().run(async (tx) => {
            const before = (await tx.tenants.list()).length;
            await tx.tenants.insert(name, null, 1);
            return before;
          }),
        ),
      );
      expect([...counts].sort()).toEqual([0, 1, 2]);
      expect((await store().read((tx) => tx.tenants.list())).map((t) => t.name)).toEqual(names);
    });

    it('a conflict inside a unit rolls back what the unit wrote before it', async () => {
      await store().run((tx) => tx.tenants.insert('Alpha', null, 1));
      await expect(
        store().run(async (tx) => {
          await tx.tenants.insert('Beta', null, 1);
          await tx.tenants.insert('alpha', null, 1);
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await store().read((tx) => tx.tenants.list())).map((t) => t.name)).toEqual(['Alpha']);
    });
  });
}
