import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { privateInputMissing, takePrivateInput } from '../jobs/private-input';
import { maskEmail } from '../events/mask';
import { emailKey, usernameKey } from './account-rules';
import { isLastAdmin, recheckActor } from './user-authority';
import { userSummary } from './user-views';
import type { UserServices } from './user-services';

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

type Ctx = MainJobContext<UserServices>;

export const userJobs = jobSet(
  defineJob({
    name: 'users.create',
    queue: 'user-management',
    runs: 'main',
    summary: 'Creates a user (name, email and password hash in its private input) and announces UserCreated.',
    payload: z.object({ tenantId: z.number().int().positive().nullable(), username: z.string(), role, actor }).strict(),
    privateInput: accountValues,
    handler: async (p, ctx: Ctx) => {
      const { services } = ctx;
      const now = Date.now();
      const result = await services.accounts.run(async (tx) => {
        await recheckActor(tx.users, p.actor, { invoke: 'users.create', what: 'create users', tenantId: p.tenantId, grant: p.role });
        const values = takePrivateInput(ctx, accountValues);
        const existing = await tx.users.findByUsername(p.username);
        if (existing) {
          // The same command run again (a crash after its commit took the values): done already.
          if (existing.tenantId === p.tenantId && (values === null || emailKey(existing.email) === emailKey(values.email))) return { user: existing, created: false };
          throw new PermanentJobError(`the username "${p.username}" was taken meanwhile; choose another`);
        }
        if (!values) throw privateInputMissing(ctx);
        if (await tx.users.emailTaken(values.email)) throw new PermanentJobError(`the email ${maskEmail(values.email)} was taken meanwhile; use another`);
        const user = await tx.users.insert({ tenantId: p.tenantId, username: p.username, role: p.role, ...values }, now);
        await tx.audit.record({
          at: now,
          tenantId: user.tenantId,
          actor: p.actor,
          action: 'user.created',
          target: { type: 'user', id: user.id, label: user.username },
          details: { role: user.role },
        });
        tx.afterCommit(() => services.bus.publish('UserCreated', userSummary(user), user.tenantId ?? undefined));
        return { user, created: true };
      });
      return { userId: result.user.id, created: result.created };
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
    handler: async (p, ctx: Ctx) => {
      const { services } = ctx;
      const now = Date.now();
      const user = await services.accounts.run(async (tx) => {
        const user = await tx.users.get(p.id);
        if (!user) throw new PermanentJobError(`user ${p.id} no longer exists`);
        await recheckActor(tx.users, p.actor, { invoke: 'users.update', what: 'change this user', tenantId: user.tenantId, targetRole: user.role, grant: p.changes.role });
        const staged = p.staged.length > 0 ? takePrivateInput(ctx, accountValues.partial()) : null;
        // The values were taken by an attempt that committed (a rerun after a crash): done already.
        if (p.staged.length > 0 && !staged) return user;
        const changes = { ...p.changes, ...staged };
        const roleChanged = changes.role !== undefined && changes.role !== user.role;
        if (roleChanged && (await isLastAdmin(tx.users, user))) {
          throw new PermanentJobError(`${user.username} is the last admin of the tenant; make another user an admin first`);
        }
        if (changes.email !== undefined && (await tx.users.emailTaken(changes.email, user.id))) {
          throw new PermanentJobError(`the email ${maskEmail(changes.email)} was taken meanwhile; use another`);
        }
        const updated = (await tx.users.update(user.id, changes, now))!;
        const own = user.id === p.actor.id;
        // A new password or role ends the user's sessions, but the one they changed their own account from.
        if (changes.passwordHash !== undefined || roleChanged) {
          const reason = changes.passwordHash === undefined ? 'role_changed' : own ? 'password_changed' : 'password_reset';
          await tx.signInSessions.endAllOf(user.id, now, reason, own ? p.keepSessionId : undefined);
        }
        const details: Record<string, unknown> = { changed: [...Object.keys(p.changes), ...p.staged] };
        if (roleChanged) details.role = { from: user.role, to: changes.role };
        await tx.audit.record({ at: now, tenantId: user.tenantId, actor: p.actor, action: 'user.updated', target: { type: 'user', id: user.id, label: user.username }, details });
        tx.afterCommit(() => services.bus.publish('UserUpdated', userSummary(updated), updated.tenantId ?? undefined));
        return updated;
      });
      return { userId: user.id };
    },
  }),
  defineJob({
    name: 'users.set-disabled',
    queue: 'user-management',
    runs: 'main',
    summary: 'Disables (ending their sessions) or enables a user and announces UserUpdated.',
    payload: z.object({ id: z.number().int().positive(), disabled: z.boolean(), actor }),
    handler: async (p, { services }: Ctx) => {
      const now = Date.now();
      const user = await services.accounts.run(async (tx) => {
        const user = await tx.users.get(p.id);
        if (!user) throw new PermanentJobError(`user ${p.id} no longer exists`);
        await recheckActor(tx.users, p.actor, { invoke: 'users.setDisabled', what: `${p.disabled ? 'disable' : 'enable'} this user`, tenantId: user.tenantId, targetRole: user.role });
        if (user.disabled === p.disabled) return user;
        if (p.disabled && (await isLastAdmin(tx.users, user))) throw new PermanentJobError(`${user.username} is the last admin of the tenant; it stays enabled`);
        const updated = (await tx.users.update(user.id, { disabled: p.disabled }, now))!;
        if (p.disabled) await tx.signInSessions.endAllOf(user.id, now, 'disabled');
        await tx.audit.record({
          at: now,
          tenantId: user.tenantId,
          actor: p.actor,
          action: p.disabled ? 'user.disabled' : 'user.enabled',
          target: { type: 'user', id: user.id, label: user.username },
        });
        tx.afterCommit(() => services.bus.publish('UserUpdated', userSummary(updated), updated.tenantId ?? undefined));
        return updated;
      });
      return { userId: user.id, disabled: user.disabled };
    },
  }),
  defineJob({
    name: 'users.unlock',
    queue: 'user-management',
    runs: 'main',
    summary: 'Lifts the sign-in lockout of a user and records who did it.',
    payload: z.object({ id: z.number().int().positive(), actor }),
    handler: async (p, { services }: Ctx) => {
      const unlocked = await services.accounts.run(async (tx) => {
        const user = await tx.users.get(p.id);
        if (!user) return false;
        await recheckActor(tx.users, p.actor, { invoke: 'users.unlock', what: 'lift lockouts', tenantId: user.tenantId, targetRole: user.role });
        // Not locked (any more, or a rerun): nothing to lift, nothing to record.
        if (!(await tx.signInAttempts.unlock(usernameKey(user.username), Date.now()))) return false;
        await tx.audit.record({ at: Date.now(), tenantId: user.tenantId, actor: p.actor, action: 'user.unlocked', target: { type: 'user', id: user.id, label: user.username } });
        const current = (await tx.users.get(user.id))!;
        tx.afterCommit(() => services.bus.publish('UserUpdated', userSummary(current), current.tenantId ?? undefined));
        return true;
      });
      return { unlocked };
    },
  }),
  defineJob({
    name: 'users.delete',
    queue: 'user-management',
    runs: 'main',
    summary: 'Deletes a user (their sessions go with them) and announces UserDeleted.',
    payload: z.object({ id: z.number().int().positive(), actor }),
    handler: async (p, { services }: Ctx) => {
      const now = Date.now();
      const deleted = await services.accounts.run(async (tx) => {
        const user = await tx.users.get(p.id);
        if (!user) return false; // deleted already (a rerun)
        await recheckActor(tx.users, p.actor, { invoke: 'users.delete', what: 'delete this user', tenantId: user.tenantId, targetRole: user.role });
        if (await isLastAdmin(tx.users, user)) throw new PermanentJobError(`${user.username} is the last admin of the tenant; it cannot be deleted`);
        await tx.users.delete(user.id);
        await tx.audit.record({ at: now, tenantId: user.tenantId, actor: p.actor, action: 'user.deleted', target: { type: 'user', id: user.id, label: user.username } });
        tx.afterCommit(() => services.bus.publish('UserDeleted', { id: user.id, tenantId: user.tenantId, username: user.username }, user.tenantId ?? undefined));
        return true;
      });
      return { deleted };
    },
  }),
);
