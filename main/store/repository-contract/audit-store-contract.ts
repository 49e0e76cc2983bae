import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountsStore } from '../../accounts/accounts-tx';
import type { AuditInput, AuditScope } from '../../audit/audit-log';
import { twoTenants, type AccountsFactory } from './accounts-fixture';
import { freshFixture } from './fresh-fixture';

const entry = (at: number, tenantId: number | null, label: string): AuditInput => ({
  at,
  tenantId,
  actor: { id: 1, username: 'root' },
  action: 'settings.updated',
  target: { type: 'settings', id: null, label },
  details: { label },
});

/** What every AuditStore implementation does, whatever database stands behind it. */
export function auditStoreContract(implementation: string, factory: AccountsFactory): void {
  describe(`AuditStore contract: ${implementation}`, () => {
    const fixture = freshFixture(factory);
    const store = (): AccountsStore => fixture().store;
    let alpha: number;
    let beta: number;
    beforeEach(async () => {
      [alpha, beta] = await twoTenants(store());
      await store().run(async (tx) => {
        await tx.audit.record(entry(1_000, alpha, 'a1'));
        await tx.audit.record(entry(2_000, null, 'system'));
        await tx.audit.record(entry(3_000, beta, 'b1'));
        await tx.audit.record(entry(4_000, alpha, 'a2'));
      });
    });

    const labels = (scope: AuditScope, options: { beforeId?: number; limit: number } = { limit: 50 }) =>
      store().read(async (tx) => (await tx.audit.list(scope, options)).map((e) => e.targetLabel));

    it('lists newest first, a tenant only its own entries, the system scope only entries of no tenant', async () => {
      expect(await labels({ tenantId: alpha })).toEqual(['a2', 'a1']);
      expect(await labels({ tenantId: beta })).toEqual(['b1']);
      expect(await labels({ tenantId: null })).toEqual(['system']);
      expect(await labels('all')).toEqual(['a2', 'b1', 'system', 'a1']);
    });

    it('keeps what was recorded: time, actor, target and details', async () => {
      const [latest] = await store().read((tx) => tx.audit.list({ tenantId: alpha }, { limit: 1 }));
      expect(latest).toMatchObject({ at: new Date(4_000).toISOString(), tenantId: alpha, actorUserId: 1, actorUsername: 'root', action: 'settings.updated', targetType: 'settings', targetId: null, targetLabel: 'a2', details: { label: 'a2' } });
    });

    it('pages back from an entry with beforeId and a limit', async () => {
      const [newest] = await store().read((tx) => tx.audit.list('all', { limit: 1 }));
      expect(await labels('all', { beforeId: newest!.id, limit: 2 })).toEqual(['b1', 'system']);
    });

    it('deletes entries older than a cutoff, oldest first, at most the limit', async () => {
      expect(await store().run((tx) => tx.audit.deleteBefore(3_500, 2))).toBe(2);
      expect(await labels('all')).toEqual(['a2', 'b1']);
      expect(await store().run((tx) => tx.audit.deleteBefore(3_500, 10))).toBe(1);
      expect(await labels('all')).toEqual(['a2']);
    });
  });
}
