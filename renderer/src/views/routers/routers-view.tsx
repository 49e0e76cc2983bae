import { useCallback, useEffect, useMemo, useState } from 'react';
import { ROUTER_TLS_LABELS, type RouterSummary } from '../../../../main/routers/contract';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ExportCsvButton, type CsvColumn } from '../../components/export-csv-button';
import { fitColumns } from '../../components/fit-columns';
import { RowDetail } from '../../components/row-detail';
import { useElementWidth } from '../../components/use-element-width';
import type { TableColumn } from '../../components/virtual-table';
import { StatusBadge } from '../../components/status-badge';
import { TenantPicker } from '../../components/tenant-picker';
import { useHeldOrder } from '../../components/use-held-order';
import { useNow } from '../../components/use-now';
import { routerHref, useLinkedRouter } from '../../components/router-link';
import { useStale } from '../../stores/connection-store';
import { ViewGate } from '../../components/view-gate';
import { formatDuration } from '../../format/duration';
import { sessionSelectors, useSessionStore } from '../../stores/session-store';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachDashboard } from '../dashboard/dashboard-live';
import { useDashboardStore } from '../dashboard/dashboard-store';
import { RouterPage, routerPageHref, ROUTER_PAGE_PARAM } from '../router-page/router-page';
import { useHashValue } from '../subscribers/use-hash-value';
import { RouterFormDialog } from './router-form-dialog';
import { RouterImportDialog } from './router-import-dialog';
import { attachRouters, removeRouter, testRouter } from './routers-live';
import { routersSelectors, useRoutersStore } from './routers-store';
import { problemNotShownByTest, testResultLine } from './router-test-result';
import { sessionsByRouter, sessionsText, type SessionCounts } from './router-sessions';
import '../../styles/routers.css';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)} %`);

/** Uptime as last reported, ticking on locally while the router is online. */
function uptimeOf(router: RouterSummary, now: number): string {
  const { uptimeSeconds, lastSeenAt, state } = router.status;
  if (uptimeSeconds === null) return '—';
  const since = state === 'online' || state === 'degraded' ? (lastSeenAt ? Math.max(0, Math.floor((now - Date.parse(lastSeenAt)) / 1000)) : 0) : 0;
  return formatDuration(uptimeSeconds + since);
}

type Editing = { router: RouterSummary | null } | null;

/** The routers' session counts (null until loaded) and the tenant their links name for a system admin. */
interface Sessions {
  counts: ReadonlyMap<number, SessionCounts> | null;
  linkTenant: number | null;
}

const routerKey = (router: RouterSummary) => String(router.id);

/** The CSV export: every value the table shows, one column each (the table stacks some in two lines). */
function routerCsvColumns(now: number, sessions: Sessions): CsvColumn<RouterSummary>[] {
  const count = (r: RouterSummary, kind: keyof SessionCounts) => String(sessions.counts?.get(r.id)?.[kind] ?? '');
  return [
    { header: 'Status', text: (r) => r.status.state },
    { header: 'Name', text: (r) => r.name },
    { header: 'Hotspot sessions', text: (r) => count(r, 'hotspot') },
    { header: 'PPPoE sessions', text: (r) => count(r, 'pppoe') },
    { header: 'Address', text: (r) => `${r.host}:${r.port}` },
    { header: 'TLS', text: (r) => r.tls },
    { header: 'Identity', text: (r) => r.status.identity ?? '' },
    { header: 'Board', text: (r) => r.status.board ?? '' },
    { header: 'RouterOS', text: (r) => r.status.version ?? '' },
    { header: 'Uptime', text: (r) => uptimeOf(r, now) },
    { header: 'CPU', text: (r) => percent(r.status.cpuLoad) },
    { header: 'Memory', text: (r) => percent(r.status.memoryUsedPercent) },
    { header: 'Site', text: (r) => r.site },
  ];
}

/** How the API connection is secured, at a glance; the unauthenticated modes stand out. */
function TlsTag({ router }: { router: RouterSummary }) {
  const testId = `router-tls-${router.id}`;
  if (router.tlsOfferedFingerprint) {
    return (
      <span className="tag tag-bad" data-testid={testId} title={`new certificate SHA-256 ${router.tlsOfferedFingerprint}: an admin must accept it (Edit)`}>
        certificate changed
      </span>
    );
  }
  switch (router.tls) {
    case 'off':
      return null;
    case 'anonymous':
      return (
        <span className="tag tag-warn" data-testid={testId} title={ROUTER_TLS_LABELS.anonymous}>
          TLS, not authenticated
        </span>
      );
    case 'verify-ca':
      return (
        <span className="tag" data-testid={testId} title={ROUTER_TLS_LABELS['verify-ca']}>
          TLS verified
        </span>
      );
    case 'pin':
      return (
        <span className="tag" data-testid={testId} title={router.tlsFingerprint ? `pinned SHA-256 ${router.tlsFingerprint}` : 'pinned on the first connection'}>
          TLS pinned
        </span>
      );
  }
}

/** A Routers table column: its cell's class and test id beside what fitting and the row detail need. */
interface RouterColumn extends TableColumn<RouterSummary> {
  className?: (router: RouterSummary) => string | undefined;
  testId?: (router: RouterSummary) => string;
}

const systemText = (r: RouterSummary) => `${r.status.identity ?? '—'} · ${r.status.board ?? '—'} · ${r.status.version ? `RouterOS ${r.status.version}` : '—'}`;

/**
 * The table's columns, most important first to stay: which router and whether it is up never
 * fold; on a narrow window the site, the system line and the memory fold away first, into the
 * router's Details. Widths are what each needs at the table's font, for fitting only.
 */
function routerColumns(now: number, sessions: Sessions): RouterColumn[] {
  const counts = (r: RouterSummary) => sessions.counts?.get(r.id);
  return [
    {
      id: 'status', header: 'Status', width: 100, text: (r) => r.status.state + (r.status.lastError ? `: ${r.status.lastError}` : ''),
      cell: (r) => <StatusBadge state={r.status.state} testId={`router-status-${r.id}`} title={r.status.lastError ?? undefined} />,
    },
    // The name opens the router's page.
    { id: 'name', header: 'Name', width: 120, text: (r) => r.name, cell: (r) => <a href={routerPageHref(r.id)} data-testid={`router-open-${r.id}`}>{r.name}</a>, testId: (r) => `router-name-${r.id}` },
    // Each count opens that live table filtered to the router.
    {
      id: 'sessions', header: 'Sessions', width: 100, priority: 2, className: () => 'stacked', text: (r) => sessionsText(counts(r)),
      cell: (r) => {
        const c = counts(r);
        if (!c) return '—';
        return (
          <>
            <a href={routerHref(r.id, sessions.linkTenant, 'online-users')} data-testid={`router-hotspot-${r.id}`} title={`Online Users on ${r.name}`}>
              {c.hotspot} hotspot
            </a>
            <a href={routerHref(r.id, sessions.linkTenant, 'pppoe-sessions')} data-testid={`router-pppoe-${r.id}`} title={`PPPoE sessions on ${r.name}`}>
              {c.pppoe} PPPoE
            </a>
          </>
        );
      },
    },
    // Two lines per cell instead of a column each keeps the table inside a laptop's content area.
    {
      id: 'address', header: 'Address', width: 180, priority: 3, className: () => 'stacked', text: (r) => `${r.host}:${r.port} (${ROUTER_TLS_LABELS[r.tls]})`,
      cell: (r) => (
        <>
          <span className="mono">
            {r.host}:{r.port}
          </span>
          <TlsTag router={r} />
        </>
      ),
    },
    {
      id: 'system', header: 'System', width: 190, priority: 4, className: () => 'stacked', text: systemText,
      cell: (r) => (
        <>
          <span data-testid={`router-identity-${r.id}`}>{r.status.identity ?? '—'}</span>
          <span className="muted small-text" data-testid={`router-system-${r.id}`}>
            {r.status.board ?? '—'} · {r.status.version ? `RouterOS ${r.status.version}` : '—'}
          </span>
        </>
      ),
    },
    { id: 'uptime', header: 'Uptime', width: 90, priority: 2, align: 'end', text: (r) => uptimeOf(r, now), cell: (r) => uptimeOf(r, now) },
    {
      id: 'cpu', header: 'CPU', width: 64, priority: 2, align: 'end', text: (r) => percent(r.status.cpuLoad), cell: (r) => percent(r.status.cpuLoad),
      className: (r) => ((r.status.cpuLoad ?? 0) > 90 ? 'hot' : undefined), testId: (r) => `router-cpu-${r.id}`,
    },
    { id: 'memory', header: 'Memory', width: 84, priority: 3, align: 'end', text: (r) => percent(r.status.memoryUsedPercent), cell: (r) => percent(r.status.memoryUsedPercent) },
    { id: 'site', header: 'Site', width: 90, priority: 5, text: (r) => r.site || '—', cell: (r) => r.site || '—' },
  ];
}

/** The pinned actions column: Test, Edit and Remove for operators, and Details once anything folds. */
const ACTIONS_WIDTH = { operate: 250, view: 90 };

/** The columns that fit the table's box (fitColumns), and the folded ones the Details show. */
function useFittedColumns(columns: readonly RouterColumn[], actionsWidth: number) {
  // The table (and its box) appears only once routers are loaded: a callback ref hands the box
  // over when it mounts, so the width is measured then and not left at "unmeasured".
  const [box, boxRef] = useState<HTMLDivElement | null>(null);
  const width = useElementWidth(useMemo(() => ({ current: box }), [box]));
  const fitted = useMemo(() => {
    const { shown, folded } = fitColumns([...columns, { id: 'actions', width: actionsWidth, pinned: true }], width);
    return { shown: shown.filter((c): c is RouterColumn => c.id !== 'actions'), folded: folded as RouterColumn[] };
  }, [columns, actionsWidth, width]);
  return { boxRef, ...fitted };
}

const cellClass = (c: RouterColumn, r: RouterSummary) => [c.align === 'end' ? 'num' : '', c.className?.(r) ?? ''].join(' ').trim() || undefined;

/**
 * Routers: the tenant's routers with live status and session counts. One `routers.list` and one
 * `dashboard.snapshot` (the counts) on mount, then events only.
 */
export function RoutersView() {
  const scope = useViewTenant();
  const { tenantId, isSystemAdmin } = scope;
  const canOperate = useSessionStore(sessionSelectors.canOperate);
  const canAdminister = useSessionStore(sessionSelectors.canAdminister);
  const opened = Number(useHashValue(ROUTER_PAGE_PARAM));
  const openedId = Number.isInteger(opened) && opened > 0 ? opened : null;
  const [importing, setImporting] = useState(false);
  const routers = useRoutersStore(routersSelectors.sorted);
  // Freeze order: a router changing state moves in the sort, but not from under the pointer.
  const [pointerIn, setPointerIn] = useState(false);
  const held = useHeldOrder(routers, routerKey, '', pointerIn);
  const counts = useRoutersStore(routersSelectors.counts);
  const loaded = useRoutersStore(routersSelectors.loaded);
  const error = useRoutersStore(routersSelectors.error);
  const tests = useRoutersStore(routersSelectors.tests);
  const stale = useStale();
  const linked = useLinkedRouter();
  const now = useNow();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<RouterSummary | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [detailId, setDetailId] = useState<number | null>(null);
  const sessionCounts = useDashboardStore(sessionsByRouter);
  const sessions = useMemo<Sessions>(() => ({ counts: sessionCounts, linkTenant: isSystemAdmin ? tenantId : null }), [sessionCounts, isSystemAdmin, tenantId]);
  const columns = useMemo(() => routerColumns(now, sessions), [now, sessions]);
  const { boxRef, shown, folded } = useFittedColumns(columns, canOperate ? ACTIONS_WIDTH.operate : ACTIONS_WIDTH.view);
  const foldedNote = folded.length === 0 ? undefined : `Not shown at this width, in each router's details: ${folded.map((c) => c.header).join(', ')}`;
  const hasActions = canOperate || folded.length > 0;
  const detailRouter = detailId === null ? null : (routers.find((r) => r.id === detailId) ?? null);
  const closeForm = useCallback(() => setEditing(null), []);
  const cancelRemove = useCallback(() => setRemoving(null), []);

  useEffect(() => (tenantId === null ? undefined : attachRouters(tenantId, isSystemAdmin)), [tenantId, isSystemAdmin]);
  // The session counts ride the tenant's dashboard push, not the sessions themselves.
  useEffect(() => (tenantId === null ? undefined : attachDashboard(tenantId, isSystemAdmin)), [tenantId, isSystemAdmin]);

  const confirmRemove = async () => {
    if (!removing) return;
    setBusy(true);
    const result = await removeRouter(removing.id);
    setBusy(false);
    setRemoving(null);
    setRemoveError(result.ok ? null : `could not remove ${removing.name}: ${result.error.message}`);
  };

  return (
    <section aria-labelledby="routers-title">
      <h1 id="routers-title">Routers</h1>
      <div className="toolbar">
        {isSystemAdmin && <TenantPicker />}
        {tenantId !== null && (
          <span className="counts" role="status">
            <strong data-testid="routers-count">{routers.length}</strong> routers ·{' '}
            <span data-testid="routers-online-count">{counts.online}</span> online ·{' '}
            <span data-testid="routers-offline-count">{counts.offline + counts['auth-failed']}</span> down
          </span>
        )}
        <span className="spacer" />
        {tenantId !== null && <ExportCsvButton fileName="routers" columns={routerCsvColumns(now, sessions)} rows={routers} testId="routers-export" />}
        {canAdminister && tenantId !== null && routers.length > 0 && (
          <button type="button" data-testid="routers-import" disabled={stale} onClick={() => setImporting(true)}>
            Import from router…
          </button>
        )}
        {canOperate && tenantId !== null && (
          <button type="button" className="primary" data-testid="routers-add" disabled={stale} onClick={() => setEditing({ router: null })}>
            Add router
          </button>
        )}
      </div>
      <ViewGate scope={scope} what="routers">
        {error && (
          <p className="error" role="alert" data-testid="routers-error">
            {error}
          </p>
        )}
        {removeError && (
          <p className="error" role="alert" data-testid="routers-remove-error">
            {removeError}
          </p>
        )}
        {openedId !== null && tenantId !== null && <RouterPage tenantId={tenantId} routerId={openedId} linkTenant={sessions.linkTenant} />}
        {openedId !== null ? null : !loaded ? (
          <p className="muted">Loading routers…</p>
        ) : routers.length === 0 ? (
          <p className="muted" data-testid="routers-empty">
            No routers yet.{canOperate ? ' Add one to start watching it.' : ''}
          </p>
        ) : (
          <div className="table-box" ref={boxRef}>
            <table className="data-table fit" data-testid="routers-table" data-folded={folded.map((c) => c.id).join(' ')}>
              <thead>
                <tr>
                  {shown.map((c) => (
                    <th key={c.id} scope="col" className={c.align === 'end' ? 'num' : undefined}>
                      {c.header}
                    </th>
                  ))}
                  {hasActions && (
                    <th scope="col" title={foldedNote}>
                      Actions
                    </th>
                  )}
                </tr>
              </thead>
              <tbody onPointerEnter={() => setPointerIn(true)} onPointerLeave={() => setPointerIn(false)} data-order-held={pointerIn}>
                {held.map((r) => (
                  <tr key={r.id} data-testid={`router-row-${r.id}`} data-state={r.status.state} className={r.id === linked ? 'row-linked' : undefined} aria-current={r.id === linked ? 'true' : undefined}>
                    {shown.map((c) => (
                      <td key={c.id} className={cellClass(c, r)} data-column={c.id} data-testid={c.testId?.(r)}>
                        {c.cell(r)}
                      </td>
                    ))}
                    {hasActions && (
                      <td className="actions-cell">
                        <div className="actions">
                          {folded.length > 0 && (
                            <button type="button" className="small" aria-label={`Details of ${r.name}`} data-testid={`router-details-${r.id}`} onClick={() => setDetailId(r.id)}>
                              Details
                            </button>
                          )}
                          {canOperate &&
                            (tests.get(r.id)?.phase === 'requested' || tests.get(r.id)?.phase === 'queued' ? (
                              <span className="muted small-text" data-testid={`router-testing-${r.id}`} role="status">
                                testing…
                              </span>
                            ) : (
                              <button type="button" className="small" data-testid={`router-test-${r.id}`} disabled={stale} onClick={() => void testRouter(r.id)}>
                                Test
                              </button>
                            ))}
                          {canOperate && (
                            <>
                              <button type="button" className="small" data-testid={`router-edit-${r.id}`} disabled={stale} onClick={() => setEditing({ router: r })}>
                                Edit
                              </button>
                              <button type="button" className="small" data-testid={`router-remove-${r.id}`} disabled={stale} onClick={() => setRemoving(r)}>
                                Remove
                              </button>
                            </>
                          )}
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            {routers.some((r) => tests.has(r.id) && testResultLine(tests.get(r.id)!)) && (
              <ul className="router-tests" aria-label="Connection tests">
                {routers.map((r) => {
                  const result = tests.has(r.id) ? testResultLine(tests.get(r.id)!) : null;
                  return result ? (
                    <li key={r.id} className={result.ok ? 'test-ok' : 'test-bad'} data-testid={`router-test-result-${r.id}`} data-ok={result.ok}>
                      <strong>{r.name}</strong>: {result.text}
                    </li>
                  ) : null;
                })}
              </ul>
            )}
            {routers.some((r) => problemNotShownByTest(r.status.lastError, tests.get(r.id))) && (
              <ul className="router-problems" aria-label="Router problems">
                {routers
                  .filter((r) => problemNotShownByTest(r.status.lastError, tests.get(r.id)))
                  .map((r) => (
                    <li key={r.id} data-testid={`router-problem-${r.id}`}>
                      <strong>{r.name}</strong>: {r.status.lastError}
                    </li>
                  ))}
              </ul>
            )}
          </div>
        )}
        {detailId !== null && (
          <RowDetail
            title={detailRouter ? `Router ${detailRouter.name}` : 'Router details'}
            columns={columns}
            row={detailRouter}
            gone="This router has been removed."
            testId="router-detail"
            onClose={() => setDetailId(null)}
          />
        )}
      </ViewGate>
      {importing && tenantId !== null && <RouterImportDialog tenantId={tenantId} routers={routers} onClose={() => setImporting(false)} />}
      {editing && <RouterFormDialog router={editing.router} tenantId={isSystemAdmin ? tenantId : null} onClose={closeForm} />}
      {removing && (
        <ConfirmDialog title="Remove router?" confirmLabel="Remove" danger busy={busy} testId="router-remove-confirm" onCancel={cancelRemove} onConfirm={() => void confirmRemove()}>
          <p>
            Remove <strong>{removing.name}</strong> ({removing.host})? The console stops watching it and forgets its credentials; nothing changes on the router.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
