import { useEffect, useMemo } from 'react';
import type { HotspotSession } from '../../../../main/sessions/contract';
import type { TableColumn } from '../../components/virtual-table';
import { TenantPicker } from '../../components/tenant-picker';
import { useNow } from '../../components/use-now';
import { ViewGate } from '../../components/view-gate';
import { formatBytes } from '../../format/bytes';
import { formatDuration } from '../../format/duration';
import { formatRate } from '../../format/rate';
import type { Stamped } from '../../live/keyed-rows';
import { SessionTablePanel } from '../../live/session-table-panel';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachHotspot, disconnectHotspot } from './hotspot-live';
import { hotspotStore } from './hotspot-store';
import '../../styles/live-tables.css';

type Row = Stamped<HotspotSession>;

/** Seconds elapsed since the row's uptime was reported, so displayed times tick between updates. */
const elapsed = (row: Row, now: number) => Math.max(0, Math.floor((now - row.seenAt) / 1000));

function hotspotColumns(now: number): TableColumn<Row>[] {
  return [
    { id: 'user', header: 'User', width: 120, grow: true, sortable: true, cell: (r) => r.user },
    { id: 'router', header: 'Router', width: 105, sortable: true, cell: (r) => r.routerName },
    { id: 'address', header: 'Address', width: 105, sortable: true, cell: (r) => r.address },
    { id: 'mac', header: 'MAC', width: 145, sortable: true, cell: (r) => <span className="mono">{r.macAddress}</span> },
    { id: 'loginBy', header: 'Login', width: 90, sortable: true, cell: (r) => r.loginBy },
    { id: 'uptime', header: 'Uptime', width: 80, align: 'end', sortable: true, cell: (r) => formatDuration(r.uptimeSeconds + elapsed(r, now)) },
    {
      id: 'timeLeft',
      header: 'Time left',
      width: 80,
      align: 'end',
      sortable: true,
      cell: (r) => (r.sessionTimeLeftSeconds === null ? '—' : formatDuration(Math.max(0, r.sessionTimeLeftSeconds - elapsed(r, now)))),
    },
    { id: 'bytesIn', header: 'Bytes in', width: 85, align: 'end', sortable: true, cell: (r) => formatBytes(r.bytesIn) },
    { id: 'bytesOut', header: 'Bytes out', width: 85, align: 'end', sortable: true, cell: (r) => formatBytes(r.bytesOut) },
    { id: 'rateIn', header: 'Rate in', width: 90, align: 'end', sortable: true, cell: (r) => formatRate(r.rateIn) },
    { id: 'rateOut', header: 'Rate out', width: 90, align: 'end', sortable: true, cell: (r) => formatRate(r.rateOut) },
  ];
}

/** Online Users: every hotspot user of the tenant, live. One list invoke on mount, then events only. */
export function OnlineUsersView() {
  const scope = useViewTenant();
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const now = useNow();
  const columns = useMemo(() => hotspotColumns(now), [now]);
  const { tenantId, isSystemAdmin } = scope;

  useEffect(() => (tenantId === null ? undefined : attachHotspot(tenantId, isSystemAdmin)), [tenantId, isSystemAdmin]);

  return (
    <section className="live-view" aria-labelledby="online-users-title">
      <h1 id="online-users-title">Online Users</h1>
      {isSystemAdmin && (
        <div className="toolbar">
          <TenantPicker />
        </div>
      )}
      <ViewGate scope={scope} what="online users">
        <SessionTablePanel
          prefix="hotspot"
          noun="online users"
          store={hotspotStore}
          columns={columns}
          describe={(r) => `${r.user} (${r.address}) on ${r.routerName}`}
          canDisconnect={canOperate}
          onDisconnect={(key) => void disconnectHotspot(key)}
        />
      </ViewGate>
    </section>
  );
}
