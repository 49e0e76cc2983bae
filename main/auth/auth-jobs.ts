import { z } from 'zod';
import type { CoreServices } from '../core/services';
import type { AuditEntry } from '../audit/contract';
import { defineJob, jobSet } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { userSummary } from '../users/user-views';
import { SignInAttempts } from './sign-in-attempts';

/**
 * The `auth-tracking` queue: every sign-in attempt, recorded by the sign-in itself (the lockout
 * must count it at once), is audited and announced here — LoginFailed and AccountLocked go to
 * system.security and, for an existing account, to its tenant's security channel. Idempotent:
 * an attempt is tracked once, however often the job runs.
 */
export function trackAttempt(services: CoreServices, attemptId: number): { tracked: boolean } {
  const { db, audit, bus, users } = services;
  const attempts = new SignInAttempts(db);
  const row = attempts.get(attemptId);
  if (!row) throw new PermanentJobError(`sign-in attempt ${attemptId} does not exist`);
  const now = Date.now();
  const entries = db.transaction((): AuditEntry[] | null => {
    if (!attempts.markTracked(row.id, now)) return null;
    const actor = row.user_id === null ? null : { id: row.user_id, username: row.username };
    const target = { type: 'user' as const, id: row.user_id, label: row.username };
    if (row.outcome === 'success') {
      if (row.user_id !== null) users.recordSignIn(row.user_id, row.at);
      return [audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.signed_in', target })];
    }
    const recorded = [
      audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.sign_in_failed', target, details: { reason: row.outcome, failures: row.failures } }),
    ];
    if (row.locked_until !== null) {
      recorded.push(
        audit.record({
          at: row.at,
          tenantId: row.tenant_id,
          actor: null,
          action: 'auth.account_locked',
          target,
          details: { failures: row.failures, lockedUntil: new Date(row.locked_until).toISOString() },
        }),
      );
    }
    return recorded;
  })();
  if (!entries) return { tracked: false };
  audit.publish(entries);
  if (row.outcome !== 'success') {
    const at = new Date(row.at).toISOString();
    const failed = { username: row.username, userId: row.user_id, tenantId: row.tenant_id, reason: row.outcome, failures: row.failures, at };
    bus.publish('LoginFailed', failed);
    if (row.tenant_id !== null) bus.publish('LoginFailed', failed, row.tenant_id);
    if (row.locked_until !== null) {
      const locked = { username: row.username, userId: row.user_id, tenantId: row.tenant_id, failures: row.failures, lockedUntil: new Date(row.locked_until).toISOString(), at };
      bus.publish('AccountLocked', locked);
      if (row.tenant_id !== null) bus.publish('AccountLocked', locked, row.tenant_id);
      // The Users view shows the lock (and offers Unlock) on the user's row.
      const user = row.user_id === null ? null : users.get(row.user_id);
      if (user) bus.publish('UserUpdated', userSummary(user), user.tenantId ?? undefined);
    }
  }
  return { tracked: true };
}

export const authJobs = jobSet(
  defineJob({
    name: 'auth.track-attempt',
    queue: 'auth-tracking',
    runs: 'main',
    summary: 'Audits one sign-in attempt and announces failures and lockouts to admins.',
    payload: z.object({ attemptId: z.number().int().positive() }).strict(),
    handler: (payload, ctx) => trackAttempt(ctx.services, payload.attemptId),
  }),
);
