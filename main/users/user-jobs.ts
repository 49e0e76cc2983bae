import { z } from 'zod';
import type { CoreServices } from '../core/services';
import type { AuditEntry } from '../audit/contract';
import { defineJob, jobSet } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { maskEmail } from '../events/mask';
import { emailKey } from './account-rules';
import { isLastAdmin } from './user-commands';
import { userSummary } from './user-views';

/**
 * The `user-management` queue: each job re-checks its rules inside its transaction (another
 * change may have landed since the invoke accepted it), applies the change with its audit entry,
 * then publishes after commit and updates live sessions of the user. Reruns are harmless.
 */
const role = z.enum(['system_admin', 'tenant_admin', 'operator', 'viewer']);
const actor = z.object({ id: z.number().int(), username: z.string() });

function afterCommit(services: CoreServices, entries: AuditEntry[], publish: () => void, userId: number): void {
  services.audit.publish(entries);
  publish();
  services.auth.userChanged(userId);
}

export const userJobs = jobSet(
  defineJob({
    name: 'users.create',
    queue: 'user-management',
    runs: 'main',
    summary: 'Creates a user (its password already hashed) and announces UserCreated.',
    payload: z.object({
      tenantId: z.number().int().positive().nullable(),
      name: z.string(),
      username: z.string(),
      email: z.string(),
      role,
      passwordHash: z.string(),
      actor,
    }),
    handler: (p, { services }) => {
      const { db, users, audit } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        const existing = users.findByUsername(p.username);
        if (existing) {
          // The same command run again (a crash after commit): done already.
          if (existing.tenantId === p.tenantId && emailKey(existing.email) === emailKey(p.email)) return { user: existing, entries: null };
          throw new PermanentJobError(`the username "${p.username}" was taken meanwhile; choose another`);
        }
        if (users.emailTaken(p.email)) throw new PermanentJobError(`the email ${maskEmail(p.email)} was taken meanwhile; use another`);
        const user = users.insert({ tenantId: p.tenantId, name: p.name, username: p.username, email: p.email, role: p.role, passwordHash: p.passwordHash }, now);
        const entry = audit.record({
          at: now,
          tenantId: user.tenantId,
          actor: p.actor,
          action: 'user.created',
          target: { type: 'user', id: user.id, label: user.username },
          details: { role: user.role },
        });
        return { user, entries: [entry] };
      })();
      if (result.entries) afterCommit(services, result.entries, () => services.bus.publish('UserCreated', userSummary(result.user), result.user.tenantId ?? undefined), result.user.id);
      return { userId: result.user.id, created: result.entries !== null };
    },
  }),
  defineJob({
    name: 'users.update',
    queue: 'user-management',
    runs: 'main',
    summary: "Changes a user's name, email, role or password and announces UserUpdated.",
    payload: z.object({
      id: z.number().int().positive(),
      changes: z.object({ name: z.string().optional(), email: z.string().optional(), role: role.optional(), passwordHash: z.string().optional() }),
      actor,
    }),
    handler: (p, { services }) => {
      const { db, users, audit } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        const user = users.get(p.id);
        if (!user) throw new PermanentJobError(`user ${p.id} no longer exists`);
        if (p.changes.role !== undefined && p.changes.role !== user.role && isLastAdmin(users, user)) {
          throw new PermanentJobError(`${user.username} is the last admin of the tenant; make another user an admin first`);
        }
        if (p.changes.email !== undefined && users.emailTaken(p.changes.email, user.id)) {
          throw new PermanentJobError(`the email ${maskEmail(p.changes.email)} was taken meanwhile; use another`);
        }
        const updated = users.update(user.id, p.changes, now)!;
        const changed = Object.keys(p.changes).map((k) => (k === 'passwordHash' ? 'password' : k));
        const details: Record<string, unknown> = { changed };
        if (p.changes.role !== undefined && p.changes.role !== user.role) details.role = { from: user.role, to: p.changes.role };
        const entry = audit.record({ at: now, tenantId: user.tenantId, actor: p.actor, action: 'user.updated', target: { type: 'user', id: user.id, label: user.username }, details });
        return { user: updated, entries: [entry] };
      })();
      afterCommit(services, result.entries, () => services.bus.publish('UserUpdated', userSummary(result.user), result.user.tenantId ?? undefined), result.user.id);
      return { userId: result.user.id };
    },
  }),
  defineJob({
    name: 'users.set-disabled',
    queue: 'user-management',
    runs: 'main',
    summary: 'Disables (ending their sessions) or enables a user and announces UserUpdated.',
    payload: z.object({ id: z.number().int().positive(), disabled: z.boolean(), actor }),
    handler: (p, { services }) => {
      const { db, users, audit } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        const user = users.get(p.id);
        if (!user) throw new PermanentJobError(`user ${p.id} no longer exists`);
        if (user.disabled === p.disabled) return { user, entries: [] };
        if (p.disabled && isLastAdmin(users, user)) throw new PermanentJobError(`${user.username} is the last admin of the tenant; it stays enabled`);
        const updated = users.update(user.id, { disabled: p.disabled }, now)!;
        const entry = audit.record({
          at: now,
          tenantId: user.tenantId,
          actor: p.actor,
          action: p.disabled ? 'user.disabled' : 'user.enabled',
          target: { type: 'user', id: user.id, label: user.username },
        });
        return { user: updated, entries: [entry] };
      })();
      if (result.entries.length > 0) {
        afterCommit(services, result.entries, () => services.bus.publish('UserUpdated', userSummary(result.user), result.user.tenantId ?? undefined), result.user.id);
      }
      return { userId: result.user.id, disabled: result.user.disabled };
    },
  }),
  defineJob({
    name: 'users.unlock',
    queue: 'user-management',
    runs: 'main',
    summary: 'Lifts the sign-in lockout of a user and records who did it.',
    payload: z.object({ id: z.number().int().positive(), actor }),
    handler: (p, { services }) => {
      const { db, users, audit, auth } = services;
      const result = db.transaction(() => {
        const user = users.get(p.id);
        // Gone, or not locked (any more, or a rerun): nothing to lift, nothing to record.
        if (!user || !auth.unlock(user.username)) return null;
        const entry = audit.record({ at: Date.now(), tenantId: user.tenantId, actor: p.actor, action: 'user.unlocked', target: { type: 'user', id: user.id, label: user.username } });
        return { user: users.get(user.id)!, entries: [entry] };
      })();
      if (!result) return { unlocked: false };
      audit.publish(result.entries);
      services.bus.publish('UserUpdated', userSummary(result.user), result.user.tenantId ?? undefined);
      return { unlocked: true };
    },
  }),
  defineJob({
    name: 'users.delete',
    queue: 'user-management',
    runs: 'main',
    summary: 'Deletes a user (ending their sessions) and announces UserDeleted.',
    payload: z.object({ id: z.number().int().positive(), actor }),
    handler: (p, { services }) => {
      const { db, users, audit } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        const user = users.get(p.id);
        if (!user) return null; // deleted already (a rerun)
        if (isLastAdmin(users, user)) throw new PermanentJobError(`${user.username} is the last admin of the tenant; it cannot be deleted`);
        users.delete(user.id);
        const entry = audit.record({ at: now, tenantId: user.tenantId, actor: p.actor, action: 'user.deleted', target: { type: 'user', id: user.id, label: user.username } });
        return { user, entries: [entry] };
      })();
      if (!result) return { deleted: false };
      const { user } = result;
      afterCommit(services, result.entries, () => services.bus.publish('UserDeleted', { id: user.id, tenantId: user.tenantId, username: user.username }, user.tenantId ?? undefined), user.id);
      return { deleted: true };
    },
  }),
);
