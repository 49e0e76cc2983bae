import { create } from 'zustand';
import type { AuditEntry } from '../../../../main/audit/contract';

/** Entries kept in the panel; older ones are in the log, not in memory. */
export const AUDIT_KEEP = 200;

export interface AuditState {
  /** Which log is shown: a tenant's, or the system-level one (null). undefined: none yet. */
  scope: number | null | undefined;
  /** Newest first. */
  entries: readonly AuditEntry[];
  loaded: boolean;
  error: string | null;
}

export const initialAuditState: AuditState = { scope: undefined, entries: [], loaded: false, error: null };

/** The audit panel: one `audit.list`, then AuditRecorded on the scope's audit channel. Pure (no bridge). */
export const useAuditStore = create<AuditState>(() => initialAuditState);

export const auditSelectors = {
  entries: (s: AuditState) => s.entries,
  loaded: (s: AuditState) => s.loaded,
  error: (s: AuditState) => s.error,
};

export const auditActions = {
  show(scope: number | null): void {
    useAuditStore.setState({ ...initialAuditState, scope });
  },
  snapshot(entries: readonly AuditEntry[]): void {
    useAuditStore.setState({ entries: entries.slice(0, AUDIT_KEEP), loaded: true, error: null });
  },
  /** A new entry; one the snapshot already had is not added twice. */
  add(entry: AuditEntry): void {
    useAuditStore.setState((s) =>
      s.entries.some((e) => e.id === entry.id) ? {} : { entries: [entry, ...s.entries].sort((a, b) => b.id - a.id).slice(0, AUDIT_KEEP) },
    );
  },
  failed(error: string): void {
    useAuditStore.setState({ error });
  },
};

export function resetAuditStore(): void {
  useAuditStore.setState(initialAuditState, true);
}

const ACTION_TEXT: Record<AuditEntry['action'], string> = {
  'auth.signed_in': 'signed in',
  'auth.sign_in_failed': 'failed to sign in',
  'auth.account_locked': 'locked after failed sign-ins',
  'auth.signed_out': 'signed out',
  'auth.password_changed': 'changed their password',
  'auth.two_factor_enabled': 'turned on two-factor sign-in',
  'auth.two_factor_disabled': 'turned off two-factor sign-in',
  'auth.recovery_codes_regenerated': 'made new recovery codes',
  'auth.recovery_code_used': 'signed in with a recovery code',
  'setup.admin_created': 'first admin created',
  'tenant.created': 'tenant registered',
  'user.created': 'user created',
  'user.updated': 'user changed',
  'user.disabled': 'user disabled',
  'user.enabled': 'user enabled',
  'user.deleted': 'user deleted',
  'user.unlocked': 'sign-in lockout lifted',
  'settings.updated': 'settings changed',
  'router.added': 'router added',
  'router.updated': 'router changed',
  'router.removed': 'router removed',
  'router.test_requested': 'router connection test started',
  'session.disconnect_requested': 'disconnect requested',
  'plan.created': 'plan created',
  'plan.updated': 'plan changed',
  'plan.deleted': 'plan deleted',
  'plan.reapplied': 'plan written to its routers again',
  'plan.adopted': 'plan took the router’s profile',
  'subscriber.created': 'subscriber created',
  'subscriber.updated': 'subscriber changed',
  'subscriber.deleted': 'subscriber deleted',
  'subscriber.password_revealed': 'subscriber password shown',
  'vouchers.generated': 'vouchers generated',
  'vouchers.exported': 'vouchers exported',
  'vouchers.printed': 'voucher sheet printed',
  'router.imported': 'router’s users imported',
  'payment.recorded': 'payment recorded',
  'payment.assigned': 'payment assigned to a subscriber',
  'payment.reversed': 'payment reversed',
  'payments.imported': 'payment statement imported',
  'payments.webhook_rejected': 'payment webhook refused (bad signature)',
  'payments.webhook_secret_rotated': 'payment webhook secret replaced',
  'subscriptions.reminders_changed': 'expiry reminders changed',
  'ledger.adjusted': 'subscriber balance adjusted',
  'webhook.created': 'event webhook added',
  'webhook.updated': 'event webhook changed',
  'webhook.deleted': 'event webhook deleted',
  'webhook.secret_rotated': 'event webhook secret replaced',
  'webhook.resumed': 'paused event webhook resumed',
  'webhook.tested': 'event webhook test sent',
  'provisioning.template_created': 'provisioning template created',
  'provisioning.template_updated': 'provisioning template changed',
  'provisioning.template_deleted': 'provisioning template deleted',
  'provisioning.applied': 'provisioning template applied to routers',
};

/** One line a person reads: "jane: user created — otto". */
export function describeAudit(entry: AuditEntry): string {
  const who = entry.actorUsername ?? 'someone';
  const what = ACTION_TEXT[entry.action] ?? entry.action;
  const target = entry.targetLabel && entry.targetLabel !== entry.actorUsername ? ` — ${entry.targetLabel}` : '';
  return entry.action.startsWith('auth.') && !entry.actorUsername ? `${entry.targetLabel ?? '?'}: ${what}` : `${who}: ${what}${target}`;
}
