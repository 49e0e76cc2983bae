import '../styles/components.css';
import type { RouterState } from '../../../main/routers/contract';

const LABELS: Record<RouterState, string> = {
  unknown: 'Unknown',
  connecting: 'Connecting',
  online: 'Online',
  degraded: 'Degraded',
  offline: 'Offline',
  'auth-failed': 'Auth failed',
};

/** A router's live state as a coloured pill; `data-state` is the raw state for tests. */
export function StatusBadge({ state, testId, title }: { state: RouterState; testId?: string; title?: string | undefined }) {
  return (
    <span className={`badge badge-${state}`} data-testid={testId} data-state={state} title={title}>
      {LABELS[state]}
    </span>
  );
}
