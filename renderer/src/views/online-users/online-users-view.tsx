import { useLayoutEffect, useMemo } from 'react';
import type { HotspotSession } from '../../../../main/sessions/contract';
import type { TableColumn } from '../../components/virtual-table';
import { TenantPicker } from '../../components/tenant-picker';
import { useNow } from '../../components/use-now';
import { ViewGate } from '../../components/view-gate';
import { formatDuration } from '../../format/duration';
import { compactMac } from '../../live/compact-mac';
import type { Stamped } from '../../live/keyed-rows';
import { elapsedSince, routerColumn, trafficColumns, uptimeColumn } from '../../live/session-columns';
import { SessionTablePanel } from '../../live/session-table-panel';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachHotspot, disconnectHotspot } from './hotspot-live';
import { hotspotStore } from './hotspot-store';
import '../../styles/live-tables.css';

type Row = Stamped<HotspotSession>;

const timeLeft = (r: Row, now: number) => (r.sessionTimeLeftSeconds === null ? '—' : formatDuration(Math.max(0, r.sessionTimeLeftSeconds - elapsedSince(r, now))));

/**
 * Priorities (1 never folds, larger folds first) keep user, address and the live rates on a
 * 1280 px laptop; login method, time left, upload and MAC move into the row detail there.
 */
function hotspotColumns(now: number): TableColumn<Row>[] {
  return [
    { id: 'user', header: 'User', width: 120, grow: true, sortable: true, text: (r) => r.user, cell: (r) => r.user },
    routerColumn<Row>(2),
    { id: 'address', header: 'Address', width: 112, sortable: true, text: (r) => r.address, cell: (r) => r.address },
    { id: 'mac', header: 'MAC', width: 96, priority: 3, sortable: true, text: (r) => r.macAddress, cell: (r) => <span className="mono">{compactMac(r.macAddress)}</span> },
    { id: 'loginBy', header: 'Login', width: 90, priority: 5, sortable: true, text: (r) => r.loginBy, cell: (r) => r.loginBy },
    uptimeColumn<Row>(now, 2),
    { id: 'timeLeft', header: 'Time left', width: 100, priority: 4, align: 'end', sortable: true, text: (r) => timeLeft(r, now), cell: (r) => timeLeft(r, now) },
    ...trafficColumns<Row>(),
  ];
}

const describeRow = (r: Row) => `${r.user} (${r.address}) on ${r.routerName}`;
const disconnect = (key: string) => void disconnectHotspot(key);

/** Online Users: every hotspot user of the tenant, live. One list invoke on mount, then events only. */
export function OnlineUsersView() {
  const scope = useViewTenant();
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const now = useNow();
  const columns = useMemo(() => hotspotColumns(now), [now]);
  const { tenantId, isSystemAdmin } = scope;

  // A layout effect: attaching clears the router filter, so it must run before the table's own
  // (passive) effect reads `router=` from a link's URL, or the link would lose its filter.
  useLayoutEffect(() => (tenantId === null ? undefined : attachHotspot(tenantId, isSystemAdmin)), [tenantId, isSystemAdmin]);

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
          exportName="online-users"
          store={hotspotStore}
          columns={columns}
          describe={describeRow}
          canDisconnect={canOperate}
          onDisconnect={disconnect}
        />
      </ViewGate>
    </section>
  );
}
