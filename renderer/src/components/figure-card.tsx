/** How a figure reads at a glance: fine, worth a look, or trouble (the card's colour). */
export type FigureTone = 'ok' | 'warn' | 'bad';

/** One figure (a count, a total) as a card: the dashboard's and the reports' figures alike. */
export function FigureCard({ label, value, detail, testId, tone }: { label: string; value: string; detail?: string; testId: string; tone?: FigureTone }) {
  return (
    <div className={`card${tone ? ` card-${tone}` : ''}`} data-testid={`${testId}-card`} data-tone={tone ?? 'none'}>
      <div className="card-label">{label}</div>
      <div className="card-value" data-testid={testId}>
        {value}
      </div>
      {detail && <div className="card-detail">{detail}</div>}
    </div>
  );
}
