import { z } from 'zod';
import { defineEvent, defineInvoke } from '../contract/define';

export type AuditAction =
  | 'auth.signed_in'
  | 'auth.sign_in_failed'
  | 'auth.account_locked'
  | 'auth.signed_out'
  | 'auth.password_changed'
  | 'auth.two_factor_enabled'
  | 'auth.two_factor_disabled'
  | 'auth.recovery_codes_regenerated'
  | 'auth.recovery_code_used'
  | 'setup.admin_created'
  | 'tenant.created'
  | 'user.created'
  | 'user.updated'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.deleted'
  | 'user.unlocked'
  | 'settings.updated'
  | 'router.added'
  | 'router.updated'
  | 'router.removed'
  | 'router.test_requested'
  | 'session.disconnect_requested'
  | 'plan.created'
  | 'plan.updated'
  | 'plan.deleted'
  | 'plan.reapplied'
  | 'plan.adopted'
  | 'subscriber.created'
  | 'subscriber.updated'
  | 'subscriber.deleted'
  | 'subscriber.password_revealed'
  | 'vouchers.generated'
  | 'vouchers.exported'
  | 'vouchers.printed'
  | 'router.imported'
  | 'payment.recorded'
  | 'payment.assigned'
  | 'payment.reversed'
  | 'payments.imported'
  | 'payments.webhook_rejected'
  | 'payments.webhook_secret_rotated'
  | 'subscriptions.reminders_changed'
  | 'ledger.adjusted'
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.deleted'
  | 'webhook.secret_rotated'
  | 'webhook.resumed'
  | 'webhook.tested'
  | 'provisioning.template_created'
  | 'provisioning.template_updated'
  | 'provisioning.template_deleted'
  | 'provisioning.applied';

export type AuditTargetType = 'user' | 'tenant' | 'settings' | 'router' | 'session' | 'plan' | 'subscriber' | 'voucher_batch' | 'payment' | 'webhook' | 'provisioning_template';

/** One line of the audit log: who did what, when, to what. Personal data in `details` is masked. */
export interface AuditEntry {
  id: number;
  at: string;
  /** null: a system-level entry (system admins, unknown usernames). */
  tenantId: number | null;
  actorUserId: number | null;
  actorUsername: string | null;
  action: AuditAction;
  targetType: AuditTargetType | null;
  targetId: number | null;
  targetLabel: string | null;
  details: Record<string, unknown> | null;
}

export const auditInvokes = {
  'audit.list': defineInvoke<{ entries: AuditEntry[] }>()({
    input: z
      .object({
        /** System admins: a tenant, null for system-level entries, or absent for everything. Tenant admins: their own only. */
        tenantId: z.number().int().positive().nullable().optional(),
        /** Paging: entries with a smaller id. */
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    summary: 'Audit log entries (sign-ins, lockouts, user, tenant, settings and router changes, disconnects), newest first, for admins of that scope.',
  }),
};

export const auditEvents = {
  AuditRecorded: defineEvent<AuditEntry>()({
    scope: 'tenant',
    topic: 'audit',
    withoutTenant: 'system',
    summary: 'An audit entry was written: tenant.{id}.audit for tenant entries, system.audit for system-level ones.',
  }),
};
