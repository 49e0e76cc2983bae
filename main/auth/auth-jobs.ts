import { z } from 'zod';
import type { AuditEntry } from '../audit/contract';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import type { AuthJobServices } from './auth-deps';
import { PermanentJobError } from '../jobs/errors';
import { userSummary } from '../users/user-views';
import type { SignInAttemptEvent } from './contract';
import { SignInAttempts, type AttemptRow } from './sign-in-attempts';

/** A wrong second-factor code is recorded as bad credentials (it counts the same); events name it. */
const failureReason = (row: AttemptRow): SignInAttemptEvent['reason'] =>
  row.outcome === 'bad_credentials' && row.factor !== null ? 'bad_code' : (row.outcome as Exclude<AttemptRow['outcome'], 'success'>);

/**
 * The `auth-tracking` queue: every sign-in attempt, recorded by the sign-in itself (the lockout
 * must count it at once), is audited and announced here — LoginFailed and AccountLocked go to
 * system.security and, for an existing account, to its tenant's security channel. Idempotent:
 * an attempt is tracked once, however often the job runs.
 */
export function trackAttempt(services: AuthJobServices, attemptId: number): { tracked: boolean } {
  const { db, audit, bus, users } = services;
  const attempts = new SignInAttempts(db);
  const row = attempts.get(attemptId);
  if (!row) throw new PermanentJobError(`sign-in attempt ${attemptId} does not exist`);
  const now = Date.now();
  const entries = db.transaction((): AuditEntry[] | null => {
    if (!attempts.markTracked(row.id, now)) return null;
    const actor = row.user_id === null ? null : { id: row.user_id, username: row.username };
    const target = { type: 'user' as const, id: row.user_id, label: row.username };
    const factor = row.factor === null ? undefined : { secondFactor: row.factor };
    if (row.outcome === 'success') {
      if (row.user_id !== null) users.recordSignIn(row.user_id, row.at);
      const signedIn = [audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.signed_in', target, details: factor })];
      // A recovery code is spent: admins see it, since it can mean a lost phone or a stolen code.
      if (row.factor === 'recovery') signedIn.push(audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.recovery_code_used', target }));
      return signedIn;
    }
    const recorded = [
      audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.sign_in_failed', target, details: { reason: failureReason(row), failures: row.failures, ...factor } }),
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
    const failed = { username: row.username, userId: row.user_id, tenantId: row.tenant_id, reason: failureReason(row), failures: row.failures, at };
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
    handler: (payload, ctx: MainJobContext<AuthJobServices>) => trackAttempt(ctx.services, payload.attemptId),
  }),
);
