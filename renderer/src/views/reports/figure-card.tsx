/** One figure of a report (a total, a count) as the dashboard's cards show theirs. */
export function FigureCard({ label, value, testId, detail }: { label: string; value: string; testId: string; detail?: string }) {
  return (
    <div className="card">
      <div className="card-label">{label}</div>
      <div className="card-value" data-testid={testId}>
        {value}
      </div>
      {detail && <div className="card-detail">{detail}</div>}
    </div>
  );
}
