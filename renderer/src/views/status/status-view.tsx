import { useEffect } from 'react';
import { formatDuration } from '../../format/duration';
import { useFormat } from '../../format/use-format';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { attachStatus, statusSelectors, useStatusStore } from './status-store';
import { useUptime } from './use-uptime';

export function StatusView() {
  const status = useStatusStore(statusSelectors.status);
  const error = useStatusStore(statusSelectors.error);
  const uptime = useUptime(status?.startedAt);
  const format = useFormat();
  // Signing in (or out) changes what the backend tells this window: the data folder is for system admins.
  const user = useSessionStore(sessionSelectors.user);
  useEffect(attachStatus, [user]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!status) return <p className="muted">Loading status…</p>;
  const rows: Array<[string, string, string]> = [
    ['Version', status.version, 'status-version'],
    ['Host', status.host === 'electron' ? 'Desktop (Electron)' : 'Headless (browser console)', 'status-host'],
    ...(status.dataDir === undefined ? [] : [['Data folder', status.dataDir, 'status-data-dir'] as [string, string, string]]),
    ['Schema version', String(status.schemaVersion), 'status-schema'],
    ['Started', format.dateTime(status.startedAt), 'status-started'],
    ['Uptime', uptime === null ? '—' : formatDuration(uptime), 'status-uptime'],
    ['Connected clients', String(status.connections), 'status-connections'],
  ];
  return (
    <section className="panel" aria-labelledby="status-title">
      <h1 id="status-title">About / Status</h1>
      <dl className="facts">
        {rows.map(([label, value, id]) => (
          <div key={id} className="fact">
            <dt>{label}</dt>
            <dd data-testid={id}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
