import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import type { AuthJobServices } from './auth-deps';
import { PermanentJobError } from '../jobs/errors';
import { userSummary } from '../users/user-views';
import type { SignInAttemptEvent } from './contract';
import type { AttemptRow } from './sign-in-attempt-store';

/** A wrong second-factor code is recorded as bad credentials (it counts the same); events name it. */
const failureReason = (row: AttemptRow): SignInAttemptEvent['reason'] =>
  row.outcome === 'bad_credentials' && row.factor !== null ? 'bad_code' : (row.outcome as Exclude<AttemptRow['outcome'], 'success'>);

/**
 * The `auth-tracking` queue: every sign-in attempt, recorded by the sign-in itself (the lockout
 * must count it at once), is audited and announced here — LoginFailed and AccountLocked go to
 * system.security and, for an existing account, to its tenant's security channel. Idempotent:
 * an attempt is tracked once, however often the job runs.
 */
export async function trackAttempt(services: AuthJobServices, attemptId: number): Promise<{ tracked: boolean }> {
  const { accounts, bus } = services;
  const now = Date.now();
  return accounts.run(async (tx) => {
    const row = await tx.signInAttempts.get(attemptId);
    if (!row) throw new PermanentJobError(`sign-in attempt ${attemptId} does not exist`);
    if (!(await tx.signInAttempts.markTracked(row.id, now))) return { tracked: false };
    const actor = row.user_id === null ? null : { id: row.user_id, username: row.username };
    const target = { type: 'user' as const, id: row.user_id, label: row.username };
    const factor = row.factor === null ? undefined : { secondFactor: row.factor };
    if (row.outcome === 'success') {
      if (row.user_id !== null) await tx.users.recordSignIn(row.user_id, row.at);
      await tx.audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.signed_in', target, details: factor });
      // A recovery code is spent: admins see it, since it can mean a lost phone or a stolen code.
      if (row.factor === 'recovery') await tx.audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.recovery_code_used', target });
      return { tracked: true };
    }
    await tx.audit.record({ at: row.at, tenantId: row.tenant_id, actor, action: 'auth.sign_in_failed', target, details: { reason: failureReason(row), failures: row.failures, ...factor } });
    if (row.locked_until !== null) {
      await tx.audit.record({
        at: row.at,
        tenantId: row.tenant_id,
        actor: null,
        action: 'auth.account_locked',
        target,
        details: { failures: row.failures, lockedUntil: new Date(row.locked_until).toISOString() },
      });
    }
    const at = new Date(row.at).toISOString();
    const failed = { username: row.username, userId: row.user_id, tenantId: row.tenant_id, reason: failureReason(row), failures: row.failures, at };
    // The Users view shows the lock (and offers Unlock) on the user's row.
    const lockedUser = row.locked_until !== null && row.user_id !== null ? await tx.users.get(row.user_id) : null;
    tx.afterCommit(() => {
      bus.publish('LoginFailed', failed);
      if (row.tenant_id !== null) bus.publish('LoginFailed', failed, row.tenant_id);
      if (row.locked_until !== null) {
        const locked = { username: row.username, userId: row.user_id, tenantId: row.tenant_id, failures: row.failures, lockedUntil: new Date(row.locked_until).toISOString(), at };
        bus.publish('AccountLocked', locked);
        if (row.tenant_id !== null) bus.publish('AccountLocked', locked, row.tenant_id);
        if (lockedUser) bus.publish('UserUpdated', userSummary(lockedUser), lockedUser.tenantId ?? undefined);
      }
    });
    return { tracked: true };
  });
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
