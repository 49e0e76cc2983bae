import { useEffect, useMemo } from 'react';
import type { PppoeSession } from '../../../../main/sessions/contract';
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
import { attachPppoe, disconnectPppoe } from './pppoe-live';
import { pppoeStore } from './pppoe-store';
import '../../styles/live-tables.css';

type Row = Stamped<PppoeSession>;

function pppoeColumns(now: number): TableColumn<Row>[] {
  return [
    { id: 'name', header: 'Name', width: 130, grow: true, sortable: true, cell: (r) => r.name },
    { id: 'router', header: 'Router', width: 110, sortable: true, cell: (r) => r.routerName },
    { id: 'service', header: 'Service', width: 110, sortable: true, cell: (r) => r.service },
    { id: 'callerId', header: 'Caller id', width: 140, sortable: true, cell: (r) => <span className="mono">{r.callerId}</span> },
    { id: 'address', header: 'Address', width: 110, sortable: true, cell: (r) => r.address },
    {
      id: 'uptime',
      header: 'Uptime',
      width: 85,
      align: 'end',
      sortable: true,
      cell: (r) => formatDuration(r.uptimeSeconds + Math.max(0, Math.floor((now - r.seenAt) / 1000))),
    },
    { id: 'bytesIn', header: 'Bytes in', width: 85, align: 'end', sortable: true, cell: (r) => formatBytes(r.bytesIn) },
    { id: 'bytesOut', header: 'Bytes out', width: 85, align: 'end', sortable: true, cell: (r) => formatBytes(r.bytesOut) },
    { id: 'rateIn', header: 'Rate in', width: 90, align: 'end', sortable: true, cell: (r) => formatRate(r.rateIn) },
    { id: 'rateOut', header: 'Rate out', width: 90, align: 'end', sortable: true, cell: (r) => formatRate(r.rateOut) },
  ];
}

/** PPPoE Sessions: every /ppp/active session of the tenant, live. One list invoke on mount, then events only. */
export function PppoeSessionsView() {
  const scope = useViewTenant();
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const now = useNow();
  const columns = useMemo(() => pppoeColumns(now), [now]);
  const { tenantId, isSystemAdmin } = scope;

  useEffect(() => (tenantId === null ? undefined : attachPppoe(tenantId, isSystemAdmin)), [tenantId, isSystemAdmin]);

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
          store={pppoeStore}
          columns={columns}
          describe={(r) => `${r.name} (${r.address}) on ${r.routerName}`}
          canDisconnect={canOperate}
          onDisconnect={(key) => void disconnectPppoe(key)}
        />
      </ViewGate>
    </section>
  );
}
