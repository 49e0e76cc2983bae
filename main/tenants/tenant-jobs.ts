import { z } from 'zod';
import { defineJob, jobSet, type MainJobContext } from '../jobs/define-job';
import { PermanentJobError } from '../jobs/errors';
import { privateInputMissing, takePrivateInput } from '../jobs/private-input';
import { maskEmail } from '../events/mask';
import { recheckActor } from '../users/user-authority';
import { accountValues } from '../users/user-jobs';
import { userSummary } from '../users/user-views';
import type { TenantSummary } from './contract';
import type { TenantRecord } from './tenant-repository';
import type { TenantServices } from './tenant-services';

export const tenantSummary = (t: TenantRecord, userCount: number): TenantSummary => ({
  id: t.id,
  name: t.name,
  status: t.status,
  createdAt: new Date(t.createdAt).toISOString(),
  userCount,
});

/**
 * The `tenant-management` queue: creates a registered tenant and its admin in one transaction,
 * with their audit entries; TenantCreated goes out after commit. It re-checks first that whoever
 * asked may still register tenants (the system admin, or self-registration still switched on).
 * A rerun of the same registration (same tenant name, same admin username) finds it done and
 * changes nothing. The admin's name, email and password hash are its private input.
 */
export const tenantJobs = jobSet(
  defineJob({
    name: 'tenants.register',
    queue: 'tenant-management',
    runs: 'main',
    summary: 'Creates a registered tenant and its first admin, then announces TenantCreated.',
    payload: z
      .object({
        tenantName: z.string().min(1),
        admin: z.object({ username: z.string() }).strict(),
        requestedBy: z.object({ id: z.number().int(), username: z.string() }).strict().nullable(),
      })
      .strict(),
    privateInput: accountValues,
    handler: async (p, ctx: MainJobContext<TenantServices>) => {
      const { services } = ctx;
      const { bus } = services;
      const now = Date.now();
      return services.accounts.run(async (tx) => {
        if (p.requestedBy) await recheckActor(tx.users, p.requestedBy, { invoke: 'tenants.register', what: 'register tenants', tenantId: null });
        else if (!services.auth.settings().selfRegistration) {
          throw new PermanentJobError('Not done: self-registration was switched off after this registration was submitted. Nothing was changed; a system admin can register the tenant.');
        }
        const values = takePrivateInput(ctx, accountValues);
        const existing = await tx.tenants.findByName(p.tenantName);
        if (existing) {
          const admin = await tx.users.findByUsername(p.admin.username);
          if (admin && admin.tenantId === existing.id) return { tenantId: existing.id, adminUserId: admin.id, created: false };
          throw new PermanentJobError(`a tenant named "${existing.name}" already exists; register under another name`);
        }
        if (!values) throw privateInputMissing(ctx);
        if (await tx.users.usernameTaken(p.admin.username)) throw new PermanentJobError(`the username "${p.admin.username}" was taken meanwhile; register again with another`);
        if (await tx.users.emailTaken(values.email)) throw new PermanentJobError(`the email ${maskEmail(values.email)} was taken meanwhile; register again with another`);
        const tenant = await tx.tenants.insert(p.tenantName, p.requestedBy?.id ?? null, now);
        const admin = await tx.users.insert({ tenantId: tenant.id, role: 'tenant_admin', username: p.admin.username, ...values }, now);
        const actor = p.requestedBy ?? { id: admin.id, username: admin.username };
        await tx.audit.record({ at: now, tenantId: null, actor: p.requestedBy, action: 'tenant.created', target: { type: 'tenant', id: tenant.id, label: tenant.name }, details: { selfRegistered: p.requestedBy === null } });
        await tx.audit.record({ at: now, tenantId: tenant.id, actor, action: 'tenant.created', target: { type: 'tenant', id: tenant.id, label: tenant.name } });
        await tx.audit.record({ at: now, tenantId: tenant.id, actor, action: 'user.created', target: { type: 'user', id: admin.id, label: admin.username }, details: { role: admin.role } });
        tx.afterCommit(() => {
          const event = { tenant: tenantSummary(tenant, 1), admin: userSummary(admin) };
          bus.publish('TenantCreated', event);
          bus.publish('TenantCreated', event, tenant.id);
          bus.publish('UserCreated', event.admin, tenant.id);
        });
        return { tenantId: tenant.id, adminUserId: admin.id, created: true };
      });
    },
  }),
);
