import { z } from 'zod';
import type { CoreServices } from '../core/services';
import type { AuditEntry } from '../audit/contract';
import { defineJob, jobSet } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { privateInputMissing, takePrivateInput } from '../jobs/private-input';
import { maskEmail } from '../events/mask';
import { emailKey } from './account-rules';
import { isLastAdmin, recheckActor } from './user-authority';
import { userSummary } from './user-views';

/**
 * The `user-management` queue: each job re-checks, inside its transaction, that its actor may
 * still do what it does and that its rules still hold (another change may have landed since the
 * invoke accepted it), takes the names, emails and password hashes its command kept out of the
 * payload, applies the change with its audit entry and ends the sessions a new password, role
 * or disabling ends, then publishes after commit (the listener registry signs out live
 * connections of ended sessions). Reruns are harmless.
 */
const role = z.enum(['system_admin', 'tenant_admin', 'operator', 'viewer']);
const actor = z.object({ id: z.number().int(), username: z.string() }).strict();

/** The private input of jobs that create an account (here and tenants.register): personal data and the password hash. */
export const accountValues = z.object({ name: z.string(), email: z.string(), passwordHash: z.string() }).strict();
const stagedField = z.enum(['name', 'email', 'password']);
export type StagedField = z.infer<typeof stagedField>;

function afterCommit(services: CoreServices, entries: AuditEntry[], publish: () => void): void {
  services.audit.publish(entries);
  publish();
}

export const userJobs = jobSet(
  defineJob({
    name: 'users.create',
    queue: 'user-management',
    runs: 'main',
    summary: 'Creates a user (name, email and password hash in its private input) and announces UserCreated.',
    payload: z.object({ tenantId: z.number().int().positive().nullable(), username: z.string(), role, actor }).strict(),
    privateInput: accountValues,
    handler: (p, ctx) => {
      const { services } = ctx;
      const { db, users, audit } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        recheckActor(users, p.actor, { invoke: 'users.create', what: 'create users', tenantId: p.tenantId, grant: p.role });
        const values = takePrivateInput(ctx, accountValues);
        const existing = users.findByUsername(p.username);
        if (existing) {
          // The same command run again (a crash after its commit took the values): done already.
          if (existing.tenantId === p.tenantId && (values === null || emailKey(existing.email) === emailKey(values.email))) return { user: existing, entries: null };
          throw new PermanentJobError(`the username "${p.username}" was taken meanwhile; choose another`);
        }
        if (!values) throw privateInputMissing(ctx);
        if (users.emailTaken(values.email)) throw new PermanentJobError(`the email ${maskEmail(values.email)} was taken meanwhile; use another`);
        const user = users.insert({ tenantId: p.tenantId, username: p.username, role: p.role, ...values }, now);
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
      if (result.entries) afterCommit(services, result.entries, () => services.bus.publish('UserCreated', userSummary(result.user), result.user.tenantId ?? undefined));
      return { userId: result.user.id, created: result.entries !== null };
    },
  }),
  defineJob({
    name: 'users.update',
    queue: 'user-management',
    runs: 'main',
    summary: "Changes a user's role, or name, email or password (those in its private input), and announces UserUpdated.",
    payload: z
      .object({
        id: z.number().int().positive(),
        changes: z.object({ role: role.optional() }).strict(),
        /** Which fields its private input changes (names only, for lists and the audit). */
        staged: z.array(stagedField).default([]),
        actor,
        /** The session a user changed their own account from: it stays when the others end. */
        keepSessionId: z.number().int().positive().optional(),
      })
      .strict(),
    privateInput: accountValues.partial(),
    handler: (p, ctx) => {
      const { services } = ctx;
      const { db, users, audit, auth } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        const user = users.get(p.id);
        if (!user) throw new PermanentJobError(`user ${p.id} no longer exists`);
        recheckActor(users, p.actor, { invoke: 'users.update', what: 'change this user', tenantId: user.tenantId, targetRole: user.role, grant: p.changes.role });
        const staged = p.staged.length > 0 ? takePrivateInput(ctx, accountValues.partial()) : null;
        // The values were taken by an attempt that committed (a rerun after a crash): done already.
        if (p.staged.length > 0 && !staged) return { user, entries: [] };
        const changes = { ...p.changes, ...staged };
        const roleChanged = changes.role !== undefined && changes.role !== user.role;
        if (roleChanged && isLastAdmin(users, user)) {
          throw new PermanentJobError(`${user.username} is the last admin of the tenant; make another user an admin first`);
        }
        if (changes.email !== undefined && users.emailTaken(changes.email, user.id)) {
          throw new PermanentJobError(`the email ${maskEmail(changes.email)} was taken meanwhile; use another`);
        }
        const updated = users.update(user.id, changes, now)!;
        const own = user.id === p.actor.id;
        // A new password or role ends the user's sessions, but the one they changed their own account from.
        if (changes.passwordHash !== undefined || roleChanged) {
          const reason = changes.passwordHash === undefined ? 'role_changed' : own ? 'password_changed' : 'password_reset';
          auth.endSessionsOf(user.id, reason, own ? p.keepSessionId : undefined);
        }
        const details: Record<string, unknown> = { changed: [...Object.keys(p.changes), ...p.staged] };
        if (roleChanged) details.role = { from: user.role, to: changes.role };
        const entry = audit.record({ at: now, tenantId: user.tenantId, actor: p.actor, action: 'user.updated', target: { type: 'user', id: user.id, label: user.username }, details });
        return { user: updated, entries: [entry] };
      })();
      if (result.entries.length > 0) afterCommit(services, result.entries, () => services.bus.publish('UserUpdated', userSummary(result.user), result.user.tenantId ?? undefined));
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
      const { db, users, audit, auth } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        const user = users.get(p.id);
        if (!user) throw new PermanentJobError(`user ${p.id} no longer exists`);
        recheckActor(users, p.actor, { invoke: 'users.setDisabled', what: `${p.disabled ? 'disable' : 'enable'} this user`, tenantId: user.tenantId, targetRole: user.role });
        if (user.disabled === p.disabled) return { user, entries: [] };
        if (p.disabled && isLastAdmin(users, user)) throw new PermanentJobError(`${user.username} is the last admin of the tenant; it stays enabled`);
        const updated = users.update(user.id, { disabled: p.disabled }, now)!;
        if (p.disabled) auth.endSessionsOf(user.id, 'disabled');
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
        afterCommit(services, result.entries, () => services.bus.publish('UserUpdated', userSummary(result.user), result.user.tenantId ?? undefined));
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
        if (!user) return null;
        recheckActor(users, p.actor, { invoke: 'users.unlock', what: 'lift lockouts', tenantId: user.tenantId, targetRole: user.role });
        // Not locked (any more, or a rerun): nothing to lift, nothing to record.
        if (!auth.unlock(user.username)) return null;
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
    summary: 'Deletes a user (their sessions go with them) and announces UserDeleted.',
    payload: z.object({ id: z.number().int().positive(), actor }),
    handler: (p, { services }) => {
      const { db, users, audit } = services;
      const now = Date.now();
      const result = db.transaction(() => {
        const user = users.get(p.id);
        if (!user) return null; // deleted already (a rerun)
        recheckActor(users, p.actor, { invoke: 'users.delete', what: 'delete this user', tenantId: user.tenantId, targetRole: user.role });
        if (isLastAdmin(users, user)) throw new PermanentJobError(`${user.username} is the last admin of the tenant; it cannot be deleted`);
        users.delete(user.id);
        const entry = audit.record({ at: now, tenantId: user.tenantId, actor: p.actor, action: 'user.deleted', target: { type: 'user', id: user.id, label: user.username } });
        return { user, entries: [entry] };
      })();
      if (!result) return { deleted: false };
      const { user } = result;
      afterCommit(services, result.entries, () => services.bus.publish('UserDeleted', { id: user.id, tenantId: user.tenantId, username: user.username }, user.tenantId ?? undefined));
      return { deleted: true };
    },
  }),
);
