import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import type { Role } from '../auth/session';

/**
 * A user as lists and events show it: the email is masked (`j***@example.com`) because events
 * reach every subscriber of the channel. The full email comes from `users.get`.
 */
export interface UserSummary {
  id: number;
  tenantId: number | null;
  name: string;
  username: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
  /** Until when too many failed sign-ins keep the user out (null: not locked). */
  lockedUntil: string | null;
}

/** Accepted: the change is made by a `user-management` job; UserCreated/Updated/Deleted follow. */
export interface UserCommandAccepted {
  jobId: number;
  /** True when the same command was already queued (a double click): that job's id is returned. */
  deduplicated: boolean;
}

const roles = ['system_admin', 'tenant_admin', 'operator', 'viewer'] as const;
const id = z.number().int().positive();
const text = z.string().max(1000);

export const userInvokes = {
  'users.list': defineInvoke<{ users: UserSummary[] }>()({
    input: z
      .object({
        /** System admins: a tenant, null for the system admins, absent for everyone. Tenant admins: their own (or absent). */
        tenantId: id.nullable().optional(),
      })
      .strict(),
    summary: 'Users of a tenant (emails masked), for its admins and system admins.',
  }),
  'users.get': defineInvoke<UserSummary>()({
    input: z.object({ id }).strict(),
    summary: 'One user with the full email (for the edit form).',
  }),
  'users.create': defineInvoke<UserCommandAccepted>()({
    input: z
      .object({
        /** Required for system admins creating a tenant user; ignored for system_admin accounts. */
        tenantId: id.optional(),
        name: text.default(''),
        username: text.default(''),
        email: text.default(''),
        password: text.default(''),
        role: z.enum(roles),
      })
      .strict(),
    summary: 'Creates a user (validated field by field; never a role above your own). Accepted with a job id.',
  }),
  'users.update': defineInvoke<UserCommandAccepted>()({
    input: z
      .object({ id, name: text.optional(), email: text.optional(), role: z.enum(roles).optional(), password: text.optional() })
      .strict(),
    summary: "Changes a user's name, email, role or password. The tenant's last admin keeps the admin role.",
  }),
  'users.setDisabled': defineInvoke<UserCommandAccepted>()({
    input: z.object({ id, disabled: z.boolean() }).strict(),
    summary: "Disables (their sessions end at once) or enables a user. Not yourself, not the tenant's last admin.",
  }),
  'users.unlock': defineInvoke<UserCommandAccepted>()({
    input: z.object({ id }).strict(),
    summary: 'Lifts a sign-in lockout (too many failed sign-ins) now, instead of when it expires.',
  }),
  'users.delete': defineInvoke<UserCommandAccepted>()({
    input: z.object({ id }).strict(),
    summary: "Deletes a user. Not yourself, not the tenant's last admin.",
  }),
};

const userTopic = { scope: 'tenant', topic: 'users', withoutTenant: 'system' } as const;

export const userEvents = {
  UserCreated: defineEvent<UserSummary>()({ ...userTopic, summary: 'A user was created (tenant.{id}.users; system admins on system.users).' }),
  UserUpdated: defineEvent<UserSummary>()({ ...userTopic, summary: 'A user was changed, disabled or enabled.' }),
  UserDeleted: defineEvent<{ id: number; tenantId: number | null; username: string }>()({ ...userTopic, summary: 'A user was deleted.' }),
};
