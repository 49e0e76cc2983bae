import { useEffect } from 'react';
import type { DashboardAlert, DashboardStats } from '../../../../main/dashboard/contract';
import { FigureCard, type FigureTone } from '../../components/figure-card';
import { routerHref } from '../../components/router-link';
import { TenantPicker } from '../../components/tenant-picker';
import { useNow } from '../../components/use-now';
import { formatRate } from '../../format/rate';
import { useFormat } from '../../format/use-format';
import { useViewTenant } from '../../stores/use-view-tenant';
import { attachDashboard } from './dashboard-live';
import { dashboardSelectors, useDashboardStore } from './dashboard-store';
import { HistoryCharts } from './history-charts';
import { TenantBreakdownTable } from './tenant-breakdown-table';
import '../../styles/dashboard.css';

/**
 * The routers' colour: red while any is down (offline, login refused), amber while any is not
 * fully up (degraded, still connecting), green only when every one is online.
 */
export function routersTone(routers: DashboardStats['routers']): FigureTone | undefined {
  if (routers.total === 0) return undefined;
  if (routers.offline + routers.authFailed > 0) return 'bad';
  return routers.online < routers.total ? 'warn' : 'ok';
}

function Cards({ stats }: { stats: DashboardStats }) {
  const { number: count } = useFormat();
  const down = stats.routers.offline + stats.routers.authFailed;
  const notUp = stats.routers.total - stats.routers.online - down;
  return (
    <div className="cards">
      <FigureCard
        label="Routers online"
        value={`${count(stats.routers.online)} / ${count(stats.routers.total)}`}
        testId="dashboard-routers-online"
        tone={routersTone(stats.routers)}
        detail={[down ? `${count(down)} down` : '', notUp ? `${count(notUp)} not fully up` : ''].filter(Boolean).join(' · ') || undefined}
      />
      <FigureCard
        label="Routers down"
        value={count(down)}
        testId="dashboard-routers-offline"
        tone={down > 0 ? 'bad' : undefined}
        detail={stats.routers.authFailed ? `${stats.routers.authFailed} refused login` : undefined}
      />
      <FigureCard label="Hotspot users online" value={count(stats.hotspotOnline)} testId="dashboard-hotspot-online" />
      <FigureCard label="PPPoE sessions online" value={count(stats.pppoeOnline)} testId="dashboard-pppoe-online" />
      <FigureCard label="Throughput in" value={formatRate(stats.throughput.inBps)} testId="dashboard-throughput-in" />
      <FigureCard label="Throughput out" value={formatRate(stats.throughput.outBps)} testId="dashboard-throughput-out" />
    </div>
  );
}

/** One alert, one line: the router (a link to it in Routers), what is wrong, the tenant in the all-tenants view, since when. */
function AlertLine({ alert, linkTenant }: { alert: DashboardAlert; linkTenant: boolean }) {
  const format = useFormat();
  return (
    <li className={`alert alert-${alert.kind} alert-${alert.severity}`} data-testid={`dashboard-alert-${alert.kind}-${alert.routerId}`} data-severity={alert.severity}>
      <a href={routerHref(alert.routerId, linkTenant ? alert.tenantId : null)}>{alert.routerName}</a>
      <span>{alert.message}</span>
      {alert.tenantName && <span className="alert-tenant">{alert.tenantName}</span>}
      <span className="alert-since">since {format.clock(alert.since)}</span>
    </li>
  );
}

/** Dashboard: pushed figures (DashboardStatsUpdated), never fetched on a timer. One snapshot on mount. */
export function DashboardView() {
  const { number: count } = useFormat();
  const scope = useViewTenant();
  const { user, isSystemAdmin, tenantId } = scope;
  const stats = useDashboardStore(dashboardSelectors.stats);
  const offset = useDashboardStore(dashboardSelectors.clockOffsetMs);
  const error = useDashboardStore(dashboardSelectors.error);
  const now = useNow();
  // Tenant users always have a tenant; a system admin without a choice sees all tenants.
  const signedIn = user !== null;
  const ready = signedIn && (isSystemAdmin || tenantId !== null);

  useEffect(() => (ready ? attachDashboard(tenantId, isSystemAdmin) : undefined), [ready, tenantId, isSystemAdmin]);

  const end = now + offset;
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <div className="toolbar">
        <h1 id="dashboard-title">Dashboard{isSystemAdmin && tenantId === null ? ' — all tenants' : ''}</h1>
        <span className="spacer" />
        {isSystemAdmin && <TenantPicker allLabel="All tenants" />}
      </div>
      {!signedIn ? (
        <p className="muted" data-testid="view-signed-out">
          Sign in to see the dashboard.
        </p>
      ) : error ? (
        <p className="error" role="alert" data-testid="dashboard-error">
          {error}
        </p>
      ) : !stats ? (
        <p className="muted">Loading dashboard…</p>
      ) : (
        <>
          <Cards stats={stats} />
          <HistoryCharts stats={stats} end={end} tenantId={tenantId} asAdmin={isSystemAdmin} />
          <div className="panels">
            <section className="box" aria-labelledby="alerts-title">
              <h2 id="alerts-title">
                Alerts <span className="pill" data-testid="dashboard-alerts-count">{stats.alerts.length}</span>
              </h2>
              {stats.alerts.length === 0 ? (
                <p className="muted">All routers up, no CPU over 90 %.</p>
              ) : (
                <ul className="alerts" data-testid="dashboard-alerts">
                  {stats.alerts.map((a) => (
                    <AlertLine key={`${a.kind}-${a.routerId}`} alert={a} linkTenant={isSystemAdmin && tenantId === null} />
                  ))}
                </ul>
              )}
            </section>
            <section className="box" aria-labelledby="top-title">
              <h2 id="top-title">Top routers by sessions</h2>
              {stats.topRouters.length === 0 ? (
                <p className="muted">No sessions yet.</p>
              ) : (
                <table className="mini-table">
                  <thead>
                    <tr>
                      <th scope="col">Router</th>
                      <th scope="col" className="num">
                        Sessions
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {stats.topRouters.map((r) => (
                      <tr key={r.routerId} data-testid={`dashboard-top-router-${r.routerId}`}>
                        <td>{r.routerName}</td>
                        <td className="num">{count(r.sessions)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
          {stats.perTenant && <TenantBreakdownTable rows={stats.perTenant} />}
        </>
      )}
    </section>
  );
}
