/** What a settings section shows until its snapshot arrives: "Loading…", or why it could not load. */
export function SectionPending({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : (
    <p className="muted">Loading…</p>
  );
}
