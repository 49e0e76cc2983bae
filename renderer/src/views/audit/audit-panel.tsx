import '../../styles/accounts.css';
import { useEffect } from 'react';
import { useFormat } from '../../format/use-format';
import { attachAudit } from './audit-live';
import { auditSelectors, describeAudit, useAuditStore } from './audit-store';

/** The audit log of a scope (a tenant, or null for system-level entries), newest first, live. */
export function AuditPanel({ tenantId }: { tenantId: number | null }) {
  const entries = useAuditStore(auditSelectors.entries);
  const loaded = useAuditStore(auditSelectors.loaded);
  const error = useAuditStore(auditSelectors.error);
  const format = useFormat();
  useEffect(() => attachAudit(tenantId), [tenantId]);
  return (
    <div className="accounts-section" data-testid="audit-panel">
      <h2>Audit log</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!loaded ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <table className="accounts-table">
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid={`audit-${e.action}`}>
                <td className="muted">{format.dateTime(e.at)}</td>
                <td>{describeAudit(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
