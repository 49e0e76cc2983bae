import { useConnectionStore } from '../stores/connection-store';

const LABELS = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
} as const;

export function ConnectionIndicator() {
  const state = useConnectionStore((s) => s.state);
  return (
    <span className={`connection connection-${state}`} data-testid="connection-indicator" data-state={state} role="status">
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
