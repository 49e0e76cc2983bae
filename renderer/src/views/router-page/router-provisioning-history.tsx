import { RunsTable } from '../provisioning/runs-table';
import { useRouterRuns } from '../provisioning/use-router-runs';
import '../provisioning/provisioning.css';

/**
 * The router's provisioning history (plans and applies of templates), live: its runs once, then
 * the provisioning events of the tenant for this router. Filled in by the Provisioning views.
 */
export function RouterProvisioningHistory({ routerId, tenantId }: { routerId: number; tenantId: number }) {
  const { runs, progress, loaded, error } = useRouterRuns(tenantId, routerId);
  return (
    <section className="router-page-section" aria-labelledby="router-provisioning-title" data-testid="router-page-provisioning" data-router={routerId}>
      <h3 id="router-provisioning-title">Provisioning history</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!loaded ? (
        <p className="muted">Loading provisioning history…</p>
      ) : runs.length === 0 ? (
        <p className="muted" data-testid="router-provisioning-empty">
          No provisioning history to show yet: plan or apply a template in Provisioning.
        </p>
      ) : (
        <RunsTable runs={runs} progress={progress} showRouter={false} testId="router-provisioning-runs" />
      )}
    </section>
  );
}
