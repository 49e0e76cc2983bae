import type { RouterLiveStatus } from '../../../../main/routers/contract';
import { StatusBadge } from '../../components/status-badge';
import { formatDuration } from '../../format/duration';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)} %`);

/** Uptime as last reported, ticking on locally while the router is online. */
function uptimeOf(status: RouterLiveStatus, now: number): string {
  if (status.uptimeSeconds === null) return '—';
  const online = status.state === 'online' || status.state === 'degraded';
  const since = online && status.lastSeenAt ? Math.max(0, Math.floor((now - Date.parse(status.lastSeenAt)) / 1000)) : 0;
  return formatDuration(status.uptimeSeconds + since);
}

/** Which router, and how it is: identity, board, RouterOS version, uptime, state, CPU and memory now. */
export function RouterPageHeader({ name, status, now }: { name: string; status: RouterLiveStatus | null; now: number }) {
  return (
    <header className="router-page-header" data-testid="router-page-header">
      <h2>
        {name} {status && <StatusBadge state={status.state} testId="router-page-state" title={status.lastError ?? undefined} />}
      </h2>
      {status && (
        <dl className="router-facts">
          <div>
            <dt>Identity</dt>
            <dd data-testid="router-page-identity">{status.identity ?? '—'}</dd>
          </div>
          <div>
            <dt>Board</dt>
            <dd data-testid="router-page-board">{status.board ?? '—'}</dd>
          </div>
          <div>
            <dt>RouterOS</dt>
            <dd data-testid="router-page-version">{status.version ?? '—'}</dd>
          </div>
          <div>
            <dt>Uptime</dt>
            <dd data-testid="router-page-uptime">{uptimeOf(status, now)}</dd>
          </div>
          <div>
            <dt>CPU</dt>
            <dd>{percent(status.cpuLoad)}</dd>
          </div>
          <div>
            <dt>Memory</dt>
            <dd>{percent(status.memoryUsedPercent)}</dd>
          </div>
        </dl>
      )}
      {status?.lastError && (
        <p className="error" role="status" data-testid="router-page-problem">
          {status.lastError}
        </p>
      )}
    </header>
  );
}
