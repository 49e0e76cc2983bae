import '../../styles/accounts.css';
import { useEffect } from 'react';
import { api } from '../../bridge/api';
import { useFormat } from '../../format/use-format';
import { ExportCsvButton } from '../../components/export-csv-button';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { AuditPanel } from '../audit/audit-panel';
import { RegistrationForm } from './registration-form';
import { attachTenants } from './tenants-live';
import { tenantsSelectors, useTenantsStore } from './tenants-store';

/** Tenants (system admins): every tenant, live, and the registration form. */
export function TenantsView() {
  const isSystemAdmin = useSessionStore(sessionSelectors.isSystemAdmin);
  if (!isSystemAdmin) return <p className="muted">Only system admins manage tenants.</p>;
  return <TenantList />;
}

function TenantList() {
  const tenants = useTenantsStore(tenantsSelectors.tenants);
  const loaded = useTenantsStore(tenantsSelectors.loaded);
  const error = useTenantsStore(tenantsSelectors.error);
  const format = useFormat();
  useEffect(attachTenants, []);
  return (
    <section className="panel" aria-labelledby="tenants-title">
      <div className="toolbar">
        <h1 id="tenants-title">Tenants</h1>
        <span className="spacer" />
        <ExportCsvButton
          fileName="tenants"
          columns={[
            { header: 'Name', text: (t) => t.name },
            { header: 'Status', text: (t) => t.status },
            { header: 'Users', text: (t) => String(t.userCount) },
            { header: 'Registered', text: (t) => format.dateTime(t.createdAt) },
          ]}
          rows={tenants}
          testId="tenants-export"
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!loaded ? (
        <p className="muted">Loading tenants…</p>
      ) : tenants.length === 0 ? (
        <p className="muted" data-testid="tenants-empty">
          No tenants yet. Register the first one below.
        </p>
      ) : (
        <table className="accounts-table" data-testid="tenants-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th>Users</th>
              <th>Registered</th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((t) => (
              <tr key={t.id} data-testid={`tenant-row-${t.id}`}>
                <td>{t.name}</td>
                <td>{t.status}</td>
                <td>{t.userCount}</td>
                <td>{format.dateTime(t.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="accounts-section">
        <h2>Register a tenant</h2>
        <RegistrationForm submit={(input) => api.invoke('tenants.register', input)} acceptedText="Registration accepted; the tenant appears above when it is created." />
      </div>
      <AuditPanel tenantId={null} />
    </section>
  );
}
