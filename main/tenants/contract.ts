import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';
import type { UserSummary } from '../users/contract';
import { tenantSettingsInput, type TenantSettings } from './tenant-settings-contract';

export interface TenantSummary {
  id: number;
  name: string;
  status: 'active' | 'suspended';
  createdAt: string;
  userCount: number;
}

/** Accepted: a `tenant-management` job creates the tenant and its admin; TenantCreated follows. */
export interface RegistrationAccepted {
  jobId: number;
  /** True when the same registration was already queued: that job's id is returned. */
  deduplicated: boolean;
}

/**
 * The registration form of the system this console replaces, field names unchanged. Every field
 * is optional here so a missing one gets its own message in `details.fields`, like a wrong one.
 */
const registration = z
  .object({
    tenant_name: z.string().max(1000).default(''),
    admin_name: z.string().max(1000).default(''),
    admin_username: z.string().max(1000).default(''),
    admin_email: z.string().max(1000).default(''),
    admin_password: z.string().max(1000).default(''),
    admin_password_confirmation: z.string().max(1000).default(''),
    accept_terms: z.boolean().default(false),
  })
  .strict();

export type RegistrationInput = z.output<typeof registration>;

export const tenantInvokes = {
  'tenants.list': defineInvoke<{ tenants: TenantSummary[] }>()({
    input: z.object({}).strict(),
    summary: 'Every tenant with its user count (system admins).',
  }),
  'tenants.register': defineInvoke<RegistrationAccepted>()({
    input: registration,
    summary:
      'Registers a tenant and its admin (system admins). Invalid: invalid_input with details.fields { field: message }. Valid: accepted with a job id.',
  }),
  'tenants.selfRegister': defineInvoke<RegistrationAccepted>()({
    input: registration,
    summary: 'The same registration from the sign-in screen, without an account; only when self-registration is switched on.',
  }),
  'tenants.settings': defineInvoke<TenantSettings>()({
    input: z.object({ tenantId: z.number().int().positive().optional() }).strict(),
    summary: "A tenant's company settings (time zone, locale, currency, name, logo): the user's own tenant; system admins name one.",
  }),
  'tenants.updateSettings': defineInvoke<TenantSettings>()({
    input: tenantSettingsInput,
    summary: "Changes a tenant's company settings (tenant admins: their own; system admins: the tenant named). TenantSettingsChanged follows.",
  }),
};

export interface TenantCreatedEvent {
  tenant: TenantSummary;
  /** The tenant's first admin, email masked. */
  admin: UserSummary;
}

export const tenantEvents = {
  TenantCreated: defineEvent<TenantCreatedEvent>()({
    scope: 'tenant',
    topic: 'tenants',
    withoutTenant: 'system',
    summary: 'A tenant was registered: on system.tenants and on the new tenant.{id}.tenants.',
  }),
  TenantUpdated: defineEvent<{ tenant: TenantSummary }>()({
    scope: 'tenant',
    topic: 'tenants',
    withoutTenant: 'system',
    summary: "A tenant's summary changed (a user was added or deleted): on system.tenants.",
  }),
  TenantSettingsChanged: defineEvent<TenantSettings>()({
    scope: 'tenant',
    topic: 'settings',
    summary: "A tenant's company settings changed: every window of the tenant formats with them from then on.",
  }),
};
