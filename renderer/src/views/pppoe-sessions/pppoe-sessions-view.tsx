import { useLayoutEffect, useMemo } from 'react';
import type { PppoeSession } from '../../../../main/sessions/contract';
import type { TableColumn } from '../../components/virtual-table';
import { TenantPicker } from '../../components/tenant-picker';
import { useNow } from '../../components/use-now';
import { ViewGate } from '../../components/view-gate';
import { compactMac } from '../../live/compact-mac';
import type { Stamped } from '../../live/keyed-rows';
import { routerColumn, trafficColumns, uptimeColumn } from '../../live/session-columns';
import { SessionTablePanel } from '../../live/session-table-panel';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachPppoe, disconnectPppoe } from './pppoe-live';
import { pppoeStore } from './pppoe-store';
import '../../styles/live-tables.css';

type Row = Stamped<PppoeSession>;

/**
 * The caller id is the subscriber's MAC on Ethernet (shown compact, full on hover and in the
 * detail) or a phone number on dial-up and LTE links (shown as it is); its column is wide enough
 * for either, so it is readable without opening anything at 1440 px.
 */
function pppoeColumns(now: number): TableColumn<Row>[] {
  return [
    { id: 'name', header: 'Name', width: 130, grow: true, sortable: true, text: (r) => r.name, cell: (r) => r.name },
    routerColumn<Row>(2),
    { id: 'service', header: 'Service', width: 110, priority: 4, sortable: true, text: (r) => r.service, cell: (r) => r.service },
    { id: 'callerId', header: 'Caller ID', width: 118, priority: 3, sortable: true, text: (r) => r.callerId, cell: (r) => <span className="mono">{compactMac(r.callerId)}</span> },
    { id: 'address', header: 'Address', width: 112, sortable: true, text: (r) => r.address, cell: (r) => r.address },
    uptimeColumn<Row>(now, 2),
    ...trafficColumns<Row>(),
  ];
}

const describeRow = (r: Row) => `${r.name} (${r.address}) on ${r.routerName}`;
const disconnect = (key: string) => void disconnectPppoe(key);

/** PPPoE Sessions: every /ppp/active session of the tenant, live. One list invoke on mount, then events only. */
export function PppoeSessionsView() {
  const scope = useViewTenant();
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const now = useNow();
  const columns = useMemo(() => pppoeColumns(now), [now]);
  const { tenantId, isSystemAdmin } = scope;

  // A layout effect: attaching clears the router filter, so it must run before the table's own
  // (passive) effect reads `router=` from a link's URL, or the link would lose its filter.
  useLayoutEffect(() => (tenantId === null ? undefined : attachPppoe(tenantId, isSystemAdmin)), [tenantId, isSystemAdmin]);

  return (
    <section className="live-view" aria-labelledby="pppoe-title">
      <h1 id="pppoe-title">PPPoE Sessions</h1>
      {isSystemAdmin && (
        <div className="toolbar">
          <TenantPicker />
        </div>
      )}
      <ViewGate scope={scope} what="PPPoE sessions">
        <SessionTablePanel
          prefix="pppoe"
          noun="PPPoE sessions"
          exportName="pppoe-sessions"
          store={pppoeStore}
          columns={columns}
          describe={describeRow}
          canDisconnect={canOperate}
          onDisconnect={disconnect}
        />
      </ViewGate>
    </section>
  );
}
