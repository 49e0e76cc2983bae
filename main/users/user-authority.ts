import { checkInvoke } from '../auth/permissions';
import type { Role } from '../auth/session';
import type { InvokeName } from '../contract';
import { PermanentJobError } from '../jobs/errors';
import type { UserRecord } from './user-repository';
import type { UserStore } from './user-store';

/**
 * Who may manage whom. A command checks it when it is submitted (user-commands.ts) and its job
 * checks it again when it runs (user-jobs.ts, tenant-jobs.ts): the actor may have been
 * disabled, deleted or demoted meanwhile, and a job run again must not act in the name of
 * someone who has lost the right.
 */
export const ROLE_RANK: Record<Role, number> = { viewer: 0, operator: 1, tenant_admin: 2, system_admin: 3 };

/** A role above the actor's own: the actor may neither grant it nor change a user who has it. */
export const isAbove = (role: Role, actorRole: Role): boolean => ROLE_RANK[role] > ROLE_RANK[actorRole];

/** The admin role of a scope: tenant_admin in a tenant, system_admin for the system (no tenant). */
export const adminRoleOf = (tenantId: number | null): Role => (tenantId === null ? 'system_admin' : 'tenant_admin');

export async function isLastAdmin(users: UserStore, user: UserRecord): Promise<boolean> {
  return user.role === adminRoleOf(user.tenantId) && !user.disabled && (await users.activeAdmins(user.tenantId)) <= 1;
}

/** Who submitted a job, as its payload names them. */
export interface ActorRef {
  id: number;
  username: string;
}

/** What a job does in its actor's name, for the re-check. */
export interface ActorRight {
  /** The invoke whose permission the job exercises (the permission table decides). */
  invoke: InvokeName;
  /** For the error: "change users", "register tenants". */
  what: string;
  /** The tenant the job works in (null: the system). */
  tenantId: number | null;
  /** The role of the user the job changes, if any. */
  targetRole?: Role;
  /** The role the job grants, if any. */
  grant?: Role;
}

function lostRight(actor: UserRecord | null, right: ActorRight): string | null {
  if (!actor) return 'was deleted';
  if (actor.disabled) return 'was disabled';
  if (actor.role !== 'system_admin' && actor.tenantId !== right.tenantId) return 'left this tenant';
  const denied = checkInvoke({ id: 'job-actor', user: { id: actor.id, username: actor.username, role: actor.role, tenantId: actor.tenantId } }, right.invoke);
  const outranked = (right.targetRole && isAbove(right.targetRole, actor.role)) || (right.grant && isAbove(right.grant, actor.role));
  return denied || outranked ? `became ${actor.role}` : null;
}

/**
 * Re-checks, inside the job's transaction, that its actor may still do what it does: still there,
 * enabled, of the job's tenant (or a system admin), with a role the permission table lets use the
 * invoke, and touching no role above their own. Otherwise the job fails for good, saying why.
 */
export async function recheckActor(users: UserStore, ref: ActorRef, right: ActorRight): Promise<void> {
  const actor = await users.get(ref.id);
  const lost = lostRight(actor, right);
  if (lost === null) return;
  throw new PermanentJobError(
    `Not done: ${actor?.username ?? ref.username} ${lost} after submitting this job and may no longer ${right.what}. Nothing was changed; someone who may can submit it again.`,
  );
}
