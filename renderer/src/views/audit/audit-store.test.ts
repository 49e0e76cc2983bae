import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../main/audit/contract';
import { AUDIT_KEEP, auditActions, describeAudit, resetAuditStore, useAuditStore } from './audit-store';

const entry = (id: number, patch: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2026-01-01T00:00:00.000Z',
  tenantId: 3,
  actorUserId: 1,
  actorUsername: 'jane',
  action: 'user.created',
  targetType: 'user',
  targetId: 9,
  targetLabel: 'otto',
  details: null,
  ...patch,
});

describe('audit store', () => {
  beforeEach(resetAuditStore);

  it('keeps the newest entries first, once each, up to the limit', () => {
    auditActions.show(3);
    auditActions.snapshot([entry(2), entry(1)]);
    auditActions.add(entry(3));
    auditActions.add(entry(2));
    expect(useAuditStore.getState().entries.map((e) => e.id)).toEqual([3, 2, 1]);
    for (let id = 4; id < AUDIT_KEEP + 10; id++) auditActions.add(entry(id));
    expect(useAuditStore.getState().entries).toHaveLength(AUDIT_KEEP);
    expect(useAuditStore.getState().entries[0]!.id).toBe(AUDIT_KEEP + 9);
  });

  it('describes entries for people', () => {
    expect(describeAudit(entry(1))).toBe('jane: user created — otto');
    expect(describeAudit(entry(1, { action: 'auth.sign_in_failed', actorUsername: null, targetLabel: 'ghost' }))).toBe('ghost: failed to sign in');
    expect(describeAudit(entry(1, { action: 'auth.signed_in', targetLabel: 'jane' }))).toBe('jane: signed in');
  });
});
