import { useEffect } from 'react';
import { routerHref } from '../../components/router-link';
import { useNow } from '../../components/use-now';
import { hashWithParams } from '../../stores/hash-params';
import { useDashboardStore } from '../dashboard/dashboard-store';
import { sessionsByRouter } from '../routers/router-sessions';
import { routersSelectors, useRoutersStore } from '../routers/routers-store';
import { RouterInterfaces } from './router-interfaces';
import { RouterLeasesTable } from './router-leases-table';
import { RouterLogPanel } from './router-log-panel';
import { attachRouterPage } from './router-page-live';
import { RouterPageHeader } from './router-page-header';
import { routerPageSelectors, useRouterPageStore } from './router-page-store';
import { RouterProvisioningHistory } from './router-provisioning-history';
import { RouterResourceHistory } from './router-resource-history';
import '../../styles/router-page.css';

/** The Routers list's hash parameter that opens a router's page (`#/routers?open=5`). */
export const ROUTER_PAGE_PARAM = 'open';

export const routerPageHref = (routerId: number) => hashWithParams(window.location.hash, { [ROUTER_PAGE_PARAM]: String(routerId), router: null });
const backHash = () => hashWithParams(window.location.hash, { [ROUTER_PAGE_PARAM]: null });

export interface RouterPageProps {
  tenantId: number;
  routerId: number;
  /** The tenant a system admin's session links name (null for tenant users). */
  linkTenant: number | null;
}

/**
 * One router (`#/routers?open=<id>`): its identity and state, CPU and memory history, interfaces
 * with live traffic and history, its log live, DHCP leases, its sessions and its provisioning
 * history. One `routers.watch` on open, then events; leaving the page unwatches, and the router
 * stops streaming when no one else watches it.
 */
export function RouterPage({ tenantId, routerId, linkTenant }: RouterPageProps) {
  const now = useNow();
  const name = useRouterPageStore(routerPageSelectors.name);
  const snapshotStatus = useRouterPageStore(routerPageSelectors.status);
  const loaded = useRouterPageStore(routerPageSelectors.loaded);
  const error = useRouterPageStore(routerPageSelectors.error);
  const readError = useRouterPageStore(routerPageSelectors.readError);
  // The Routers view keeps the routers live (RouterStatusChanged): the header follows them.
  const router = useRoutersStore(routersSelectors.byId(routerId));
  const counts = useDashboardStore(sessionsByRouter)?.get(routerId);
  const status = router?.status ?? snapshotStatus;

  useEffect(() => attachRouterPage(tenantId, routerId), [tenantId, routerId]);

  return (
    <div className="detail-page router-page" data-testid="router-page" data-router={routerId}>
      <a className="back" href={backHash()} data-testid="router-page-back">
        ← All routers
      </a>
      {error && (
        <p className="error" role="alert" data-testid="router-page-error">
          {error}
        </p>
      )}
      {!loaded && !error && <p className="muted">Opening the router…</p>}
      <RouterPageHeader name={router?.name ?? name} status={status} now={now} />
      {readError && (
        <p className="error" role="status" data-testid="router-page-read-error">
          {readError}
        </p>
      )}
      <section className="router-page-section" aria-label="Sessions" data-testid="router-page-sessions">
        <h3>Sessions</h3>
        <p>
          <a href={routerHref(routerId, linkTenant, 'online-users')} data-testid="router-page-hotspot">
            {counts ? `${counts.hotspot} hotspot` : 'Hotspot'} sessions in Online Users
          </a>{' '}
          ·{' '}
          <a href={routerHref(routerId, linkTenant, 'pppoe-sessions')} data-testid="router-page-pppoe">
            {counts ? `${counts.pppoe} PPPoE` : 'PPPoE'} sessions
          </a>
        </p>
      </section>
      <RouterResourceHistory routerId={routerId} status={status} now={now} />
      <RouterInterfaces routerId={routerId} now={now} />
      <RouterLogPanel />
      <RouterLeasesTable />
      <RouterProvisioningHistory routerId={routerId} tenantId={tenantId} />
    </div>
  );
}
