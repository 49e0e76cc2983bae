import { routerPageSelectors, useRouterPageStore } from './router-page-store';

/** The router's DHCP leases as read when the page opened (comments masked like any free text). */
export function RouterLeasesTable() {
  const leases = useRouterPageStore(routerPageSelectors.leases);
  return (
    <section className="router-page-section" aria-labelledby="router-leases-title" data-testid="router-page-leases">
      <h3 id="router-leases-title">DHCP leases</h3>
      {leases.length === 0 ? (
        <p className="muted">No DHCP leases.</p>
      ) : (
        <div className="table-box">
          <table className="data-table" data-testid="router-leases-table">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">MAC</th>
                <th scope="col">Host name</th>
                <th scope="col">Server</th>
                <th scope="col">Status</th>
                <th scope="col">Expires after</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {leases.map((l) => (
                <tr key={`${l.server}/${l.mac}/${l.address}`} data-testid="router-lease">
                  <td className="mono">{l.address}</td>
                  <td className="mono">{l.mac}</td>
                  <td>{l.hostName || '—'}</td>
                  <td>{l.server}</td>
                  <td>{l.status || (l.dynamic ? 'dynamic' : 'static')}</td>
                  <td>{l.expiresAfter || '—'}</td>
                  <td>{l.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
