/** Stands in for a view whose issue has not landed yet, so the navigation is complete. */
export function PlaceholderView({ label }: { label: string }) {
  return (
    <section className="panel">
      <h1>{label}</h1>
      <p className="muted">This view is not built yet.</p>
    </section>
  );
}
