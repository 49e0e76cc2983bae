import type { AuditEntry } from '../../../../main/audit/contract';
import { api } from '../../bridge/api';
import { attachLiveChannel } from '../../bridge/live-channel';
import { auditActions } from './audit-store';

/** Live binding of the audit panel: a tenant's log (`tenant.{id}.audit`) or the system-level one (`system.audit`). */
export function attachAudit(tenantId: number | null): () => void {
  auditActions.show(tenantId);
  return attachLiveChannel({
    channel: tenantId === null ? 'system.audit' : `tenant.${tenantId}.audit`,
    fetchSnapshot: () => api.invoke('audit.list', { tenantId, limit: 100 }),
    onSnapshot: ({ entries }) => auditActions.snapshot(entries),
    onEvent: (name, payload) => {
      if (name === 'AuditRecorded') auditActions.add(payload as AuditEntry);
    },
    onError: auditActions.failed,
  });
}
