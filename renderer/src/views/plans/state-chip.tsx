import type { ProvisioningState } from '../../../../main/plans/contract';

/**
 * Where a plan or subscriber stands on one router: applied (green), pending or removing
 * (amber), failed or drift (red), as a compact chip; `title` carries the router's own words.
 */
export function StateChip({ routerName, state, title, testId }: { routerName: string; state: ProvisioningState; title?: string | undefined; testId: string }) {
  return (
    <span className={`chip chip-${state}`} data-state={state} title={title} data-testid={testId}>
      <span className="chip-router">{routerName}</span> {state}
    </span>
  );
}

/** The hover text of a chip: the router's message, or the drifted fields. */
export function stateTitle(status: { state: ProvisioningState; message: string | null; drift?: ReadonlyArray<{ field: string }> }): string | undefined {
  if (status.state === 'drift' && status.drift && status.drift.length > 0) return `changed on the router: ${status.drift.map((d) => d.field).join(', ')}`;
  return status.message ?? undefined;
}
