import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { SUBSCRIBER_STATUSES, type SubscriberStatus, type SubscriberSummary } from '../../../../main/subscribers/contract';
import { ExportCsvButton } from '../../components/export-csv-button';
import { DetailsIcon } from '../../components/icons';
import { useSlashFocus } from '../../components/use-slash-focus';
import { VirtualTable, type TableColumn } from '../../components/virtual-table';
import { useFormat } from '../../format/use-format';
import { compactMac } from '../../live/compact-mac';
import { hashWithParams } from '../../stores/hash-params';
import { useStale } from '../../stores/connection-store';
import { plansSelectors, usePlansStore } from '../plans/plans-store';
import { StateChip } from '../plans/state-chip';
import { routersSelectors, useRoutersStore } from '../routers/routers-store';
import { hashWithQuery, queryFromHash } from './query-in-url';
import { attachSubscribers } from './subscribers-live';
import { EMPTY_QUERY, sameQuery, subscribersSelectors, useSubscribersStore, type SubscriberQuery } from './subscribers-store';
import { useDebounced } from './use-debounced';
import { useOnlineSubscribers } from './use-online-subscribers';

/** Long enough that a word typed at normal speed is one request, short enough to feel immediate. */
const SEARCH_PAUSE_MS = 300;

export const STATUS_LABELS: Record<SubscriberStatus, string> = { pending: 'Pending', active: 'Active', expired: 'Expired', disabled: 'Disabled' };

/** Opens a subscriber's page: a new history entry, so Back returns to the list with its filters. */
const openSubscriber = (id: number) => {
  window.location.hash = hashWithParams(window.location.hash, { subscriber: String(id) });
};

export interface SubscriberListProps {
  tenantId: number;
  asAdmin: boolean;
  canOperate: boolean;
  onCreate: () => void;
}

/**
 * The virtualized list: search (name, phone, username, MAC) and filters go to `subscribers.list`
 * and into the URL; rows change by events; the dot is live from the session tables.
 */
export function SubscriberList({ tenantId, asAdmin, canOperate, onCreate }: SubscriberListProps) {
  const [query, setQuery] = useState<SubscriberQuery>(() => queryFromHash(window.location.hash));
  const sent = useDebounced(query, query.search === '' ? 0 : SEARCH_PAUSE_MS);
  const rows = useSubscribersStore(subscribersSelectors.sorted);
  const total = useSubscribersStore(subscribersSelectors.total);
  const answered = useSubscribersStore(subscribersSelectors.query);
  const loaded = useSubscribersStore(subscribersSelectors.loaded);
  const error = useSubscribersStore(subscribersSelectors.error);
  const plans = usePlansStore(plansSelectors.sorted);
  const planMap = usePlansStore(plansSelectors.plans);
  const routers = useRoutersStore(routersSelectors.sorted);
  const routerMap = useRoutersStore((s) => s.routers);
  const online = useOnlineSubscribers(rows);
  const stale = useStale();
  const format = useFormat();
  const searchRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  useSlashFocus(searchRef);

  useEffect(() => attachSubscribers(tenantId, asAdmin, sent), [tenantId, asAdmin, sent]);
  useEffect(() => {
    const next = hashWithQuery(window.location.hash, query);
    if (next !== window.location.hash) history.replaceState(history.state, '', next);
  }, [query]);

  const searching = answered !== null && !sameQuery(answered, query);
  const columns = useMemo<TableColumn<SubscriberSummary>[]>(() => {
    const planName = (s: SubscriberSummary) => planMap.get(s.planId)?.name ?? `plan ${s.planId}`;
    const routerName = (id: number) => routerMap.get(id)?.name ?? `router ${id}`;
    const lastSeen = (s: SubscriberSummary) => (online.has(s.id) ? 'online now' : s.lastSeenAt ? format.dateTime(s.lastSeenAt) : 'never');
    return [
      {
        id: 'online',
        header: 'On',
        width: 48,
        text: (s) => (online.has(s.id) ? 'online' : 'offline'),
        cell: (s) => <span className="online-dot" data-online={online.has(s.id)} data-testid={`subscriber-online-${s.id}`} role="img" aria-label={online.has(s.id) ? 'online' : 'offline'} />,
      },
      { id: 'name', header: 'Name', width: 200, grow: true, text: (s) => s.name, cell: (s) => s.name },
      { id: 'username', header: 'Username', width: 130, text: (s) => s.username, cell: (s) => <span className="mono">{s.username}</span> },
      { id: 'phone', header: 'Phone', width: 120, priority: 2, text: (s) => s.phone ?? '', cell: (s) => <span data-testid={`subscriber-phone-${s.id}`}>{s.phone ?? '—'}</span> },
      { id: 'plan', header: 'Plan', width: 130, grow: true, text: planName, cell: planName },
      {
        id: 'status',
        header: 'Status',
        width: 90,
        text: (s) => STATUS_LABELS[s.status],
        cell: (s) => (
          <span className={`status-tag status-${s.status}`} data-testid={`subscriber-status-${s.id}`}>
            {STATUS_LABELS[s.status]}
          </span>
        ),
      },
      { id: 'validUntil', header: 'Valid until', width: 200, priority: 3, text: (s) => format.dateTime(s.validUntil), cell: (s) => format.dateTime(s.validUntil) },
      { id: 'lastSeen', header: 'Last seen', width: 200, priority: 2, text: lastSeen, cell: lastSeen },
      {
        id: 'routers',
        header: 'Routers',
        width: 170,
        priority: 4,
        text: (s) => s.routers.map((r) => `${routerName(r.routerId)}: ${r.state}${r.message ? ` (${r.message})` : ''}`).join('; '),
        cell: (s) => s.routers.map((r) => <StateChip key={r.routerId} routerName={routerName(r.routerId)} state={r.state} title={r.message ?? undefined} testId={`subscriber-state-${s.id}-${r.routerId}`} />),
      },
      { id: 'mac', header: 'MAC lock', width: 96, priority: 5, text: (s) => s.macLock ?? '', cell: (s) => <span className="mono">{s.macLock ? compactMac(s.macLock) : '—'}</span> },
      {
        id: 'actions',
        header: 'Open',
        width: 64,
        pinned: true,
        cell: (s) => (
          <span className="vt-actions">
            <button type="button" className="ghost icon-button" aria-label={`Open ${s.name} (${s.username})`} title="Open" data-testid={`subscriber-open-${s.id}`} onClick={() => openSubscriber(s.id)}>
              <DetailsIcon />
            </button>
          </span>
        ),
      },
    ];
  }, [planMap, routerMap, online, format]);

  const change = (next: Partial<SubscriberQuery>) => setQuery((q) => ({ ...q, ...next }));
  const onlineCount = online.size;

  return (
    <>
      <div className="toolbar">
        <label className="field-inline" htmlFor={`${ids}-q`}>
          Search
          <input
            ref={searchRef}
            id={`${ids}-q`}
            type="search"
            aria-keyshortcuts="/"
            placeholder="name, phone, username, MAC…"
            data-testid="subscribers-search"
            value={query.search}
            onChange={(e) => change({ search: e.target.value })}
          />
        </label>
        <label className="field-inline" htmlFor={`${ids}-status`}>
          Status
          <select id={`${ids}-status`} data-testid="subscribers-filter-status" value={query.status ?? ''} onChange={(e) => change({ status: e.target.value === '' ? null : (e.target.value as SubscriberStatus) })}>
            <option value="">All</option>
            {SUBSCRIBER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline" htmlFor={`${ids}-plan`}>
          Plan
          <select id={`${ids}-plan`} data-testid="subscribers-filter-plan" value={query.planId ?? ''} onChange={(e) => change({ planId: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">All plans</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline" htmlFor={`${ids}-router`}>
          Router
          <select id={`${ids}-router`} data-testid="subscribers-filter-router" value={query.routerId ?? ''} onChange={(e) => change({ routerId: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">All routers</option>
            {routers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <span className="counts" role="status" aria-live="polite">
          <strong data-testid="subscribers-count">{total}</strong> subscribers · <span data-testid="subscribers-online-count">{onlineCount}</span> online
          {rows.length < total && <> · first {rows.length} shown</>}
          {searching && <span data-testid="subscribers-searching"> · searching…</span>}
        </span>
        <ExportCsvButton fileName="subscribers" columns={columns} rows={rows} testId="subscribers-export" />
        {canOperate && (
          <button type="button" className="primary" data-testid="subscribers-add" disabled={stale} onClick={onCreate}>
            New subscriber
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="subscribers-error">
          {error}
        </p>
      )}
      <VirtualTable
        label="Subscribers"
        testId="subscribers-table"
        columns={columns}
        rows={rows}
        rowKey={(s) => String(s.id)}
        rowTestId={(s) => `subscriber-row-${s.id}`}
        empty={<span className="muted">{!loaded ? 'Loading…' : sameQuery(answered ?? query, EMPTY_QUERY) ? 'No subscribers yet.' : 'No subscribers match the search and filters.'}</span>}
      />
    </>
  );
}
