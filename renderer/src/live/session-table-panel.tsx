import { useStale } from '../stores/connection-store';
import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ExportCsvButton } from '../components/export-csv-button';
import { DetailsIcon, DisconnectIcon } from '../components/icons';
import { RowDetail } from '../components/row-detail';
import { useSlashFocus } from '../components/use-slash-focus';
import { VirtualTable, type TableColumn } from '../components/virtual-table';
import type { Stamped } from './keyed-rows';
import type { createSessionTableStore, SessionRowBase } from './session-table-store';
import { useSearchPrep } from './use-search-prep';
import { useSpecInUrl } from './use-spec-in-url';

type TableStore<S extends SessionRowBase> = ReturnType<typeof createSessionTableStore<S>>;

export interface SessionTablePanelProps<S extends SessionRowBase> {
  /** Prefix of every test id: `hotspot` gives `hotspot-row-<key>`, `hotspot-count`, … */
  prefix: string;
  /** "online users", "PPPoE sessions": used in counts and empty states. */
  noun: string;
  /** The CSV file's name, without the date and ".csv". */
  exportName: string;
  store: TableStore<S>;
  columns: readonly TableColumn<Stamped<S>>[];
  /** Who the confirmation names, e.g. `alice on hq-1`. */
  describe: (row: Stamped<S>) => string;
  canDisconnect: boolean;
  onDisconnect: (key: string) => void;
  toolbarExtra?: ReactNode;
}

/**
 * The body shared by Online Users and PPPoE Sessions: counts, router and text filters, the
 * virtualized live table and the Disconnect confirmation. Every figure comes from the store.
 */
export function SessionTablePanel<S extends SessionRowBase>(props: SessionTablePanelProps<S>) {
  const { store, prefix } = props;
  const { selectors, actions } = store;
  const rows = store.useStore(selectors.visibleRows);
  const total = store.useStore(selectors.totalCount);
  const loaded = store.useStore(selectors.loaded);
  const error = store.useStore(selectors.error);
  const spec = store.useStore(selectors.spec);
  const routers = store.useStore(selectors.routers);
  const disconnecting = store.useStore(selectors.disconnecting);
  const notice = store.useStore(selectors.notice);
  const stale = useStale();
  const live = store.useStore((s) => s.live);
  const [confirming, setConfirming] = useState<Stamped<S> | null>(null);
  const [detailKey, setDetailKey] = useState<string | null>(null);
  const routerFilterId = useId();
  const textFilterId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);
  useSpecInUrl(spec, actions);
  useSearchPrep(store.prepareSearch, loaded);
  const cancel = useCallback(() => setConfirming(null), []);
  const { describe } = props;

  // Stable unless what it shows changes, so memoized rows skip re-rendering.
  const { columns: dataColumns, canDisconnect } = props;
  const columns = useMemo<TableColumn<Stamped<S>>[]>(() => {
    // Icons keep the pinned column narrow enough that the data columns fit a laptop; each button's name says what and whom.
    const actionColumn: TableColumn<Stamped<S>> = {
      id: 'actions',
      header: 'Actions',
      width: 100,
      pinned: true,
      cell: (row) => (
        <span className="vt-actions">
          <button
            type="button"
            className="ghost icon-button"
            aria-label={`Details of ${describe(row)}`}
            aria-expanded={detailKey === row.key}
            title="Details"
            data-testid={`${prefix}-details-${row.key}`}
            onClick={() => setDetailKey((open) => (open === row.key ? null : row.key))}
          >
            <DetailsIcon />
          </button>
          {disconnecting.has(row.key) ? (
            <span className="muted" data-testid={`${prefix}-disconnecting-${row.key}`} role="status">
              ending…
            </span>
          ) : canDisconnect ? (
            <button
              type="button"
              className="danger icon-button"
              aria-label={`Disconnect ${describe(row)}`}
              title="Disconnect"
              data-testid={`${prefix}-disconnect-${row.key}`}
              disabled={stale}
              onClick={() => setConfirming(row)}
            >
              <DisconnectIcon />
            </button>
          ) : null}
        </span>
      ),
    };
    return [...dataColumns, actionColumn];
  }, [dataColumns, canDisconnect, disconnecting, prefix, describe, detailKey, stale]);
  const detailRow = detailKey === null ? null : (live.rows.get(detailKey) ?? null);
  // The same elements while the routers stay: React skips 1,000 options on every live batch.
  const routerOptions = useMemo(
    () =>
      routers.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      )),
    [routers],
  );

  return (
    <>
      <div className="toolbar">
        {props.toolbarExtra}
        <label className="field-inline" htmlFor={routerFilterId}>
          Router
          <select
            id={routerFilterId}
            data-testid={`${prefix}-filter-router`}
            value={spec.routerId ?? ''}
            onChange={(e) => actions.filterRouter(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">All routers</option>
            {routerOptions}
          </select>
        </label>
        <label className="field-inline" htmlFor={textFilterId}>
          Search
          <input
            ref={searchRef}
            id={textFilterId}
            type="search"
            aria-keyshortcuts="/"
            placeholder="user, address, MAC…"
            data-testid={`${prefix}-filter-text`}
            value={spec.text}
            onChange={(e) => actions.filterText(e.target.value)}
          />
        </label>
        <span className="spacer" />
        <ExportCsvButton fileName={props.exportName} columns={dataColumns} rows={rows} testId={`${prefix}-export`} />
        <span className="counts" role="status" aria-live="polite">
          <strong data-testid={`${prefix}-count`}>{total}</strong> {props.noun}
          {rows.length !== total && (
            <>
              {' '}
              · <span data-testid={`${prefix}-shown`}>{rows.length}</span> shown
            </>
          )}
        </span>
      </div>
      {error && (
        <p className="error" role="alert" data-testid={`${prefix}-error`}>
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="alert" data-testid={`${prefix}-notice`}>
          {notice}{' '}
          <button type="button" className="ghost small" onClick={actions.dismissNotice}>
            Dismiss
          </button>
        </p>
      )}
      <VirtualTable
        label={props.noun}
        testId={`${prefix}-table`}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.key}
        rowTestId={(row) => `${prefix}-row-${row.key}`}
        rowClassName={(row) => (disconnecting.has(row.key) ? 'row-pending' : undefined)}
        sort={{ column: spec.sortColumn, direction: spec.sortDirection }}
        onSort={actions.sortBy}
        holdOrderKey={`${spec.sortColumn} ${spec.sortDirection} ${spec.routerId} ${spec.text}`}
        empty={<span className="muted">{!loaded ? 'Loading…' : total === 0 ? `No ${props.noun} right now.` : `No ${props.noun} match the filter.`}</span>}
      />
      {detailKey !== null && (
        <RowDetail
          title={detailRow ? describe(detailRow) : 'Session details'}
          columns={dataColumns}
          row={detailRow}
          gone="This session has ended."
          testId={`${prefix}-detail`}
          onClose={() => setDetailKey(null)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title="Disconnect?"
          confirmLabel="Disconnect"
          danger
          testId={`${prefix}-confirm`}
          onCancel={cancel}
          onConfirm={() => {
            props.onDisconnect(confirming.key);
            setConfirming(null);
          }}
        >
          <p>
            Disconnect <strong>{props.describe(confirming)}</strong>? The router ends the session; the row goes away when it confirms.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
