/**
 * The router's provisioning history (plans and applies of templates): a slot the provisioning
 * views fill in (`provisioning.history {routerId}`); the router page only places it.
 */
export function RouterProvisioningHistory({ routerId }: { routerId: number; tenantId: number }) {
  return (
    <section className="router-page-section" aria-labelledby="router-provisioning-title" data-testid="router-page-provisioning" data-router={routerId}>
      <h3 id="router-provisioning-title">Provisioning history</h3>
      <p className="muted">No provisioning history to show yet.</p>
    </section>
  );
}
